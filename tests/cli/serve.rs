//! `itinera serve` as a user starts and stops it: the address it prints answers, a busy port
//! or a bad address is bad input (exit 2), exposing the page warns, Ctrl-C stops it.

use crate::harness::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Starts `itinera serve ARGS`; the child and the address it printed.
fn start(args: &[&str]) -> (Child, String, String) {
    let mut child = Command::new(BIN)
        .arg("serve")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start itinera serve");
    let mut err = BufReader::new(child.stderr.take().expect("stderr"));
    let mut said = String::new();
    let mut line = String::new();
    while err.read_line(&mut line).unwrap_or(0) > 0 {
        said.push_str(&line);
        if let Some(at) = line.find("http://") {
            let url = line[at..]
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_string();
            return (child, url, said);
        }
        line.clear();
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("no address printed: {said}");
}

fn get(host_port: &str, path: &str) -> String {
    let mut s = TcpStream::connect(host_port).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {host_port}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    let _ = s.read_to_string(&mut out);
    out
}

fn interrupt(child: &mut Child) -> Option<std::process::ExitStatus> {
    let _ = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status();
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(10) {
        if let Ok(Some(status)) = child.try_wait() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

#[test]
fn the_printed_address_serves_the_page_and_ctrl_c_stops_it() {
    let (mut child, url, _) = start(&["--port", "0"]);
    let host_port = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    assert!(host_port.starts_with("127.0.0.1:"), "{url}");
    let page = get(&host_port, "/");
    assert!(page.starts_with("HTTP/1.1 200"), "{page}");
    assert!(page.contains("content-security-policy"), "{page}");
    assert!(page.contains("<html"), "the page is served");
    let status = interrupt(&mut child).expect("stops on Ctrl-C");
    assert!(!status.success() || status.code() == Some(0), "{status:?}");
}

#[test]
fn exposing_the_page_warns() {
    let (mut child, url, said) = start(&["--port", "0", "--host", "0.0.0.0"]);
    assert!(said.contains("anyone who can reach this machine"), "{said}");
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    interrupt(&mut child);
}

#[test]
fn a_busy_port_or_a_bad_address_is_bad_input() {
    let busy = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = busy.local_addr().unwrap().port().to_string();
    let dir = Sandbox::new();
    dir.run(&["serve", "--port", &port])
        .bad_input("cannot listen on 127.0.0.1:")
        .stderr_has("--port");
    dir.run(&["serve", "--host", "my laptop"])
        .bad_input("`my laptop` is not an IP address");
    dir.run(&["serve", "--port", "99999"]).exits(2, "99999");
    // An address that is not this machine's (TEST-NET-1, RFC 5737).
    dir.run(&["serve", "--host", "192.0.2.1", "--port", "0"])
        .bad_input("cannot listen on 192.0.2.1:0")
        .stderr_has("not one of this machine's");
    dir.run(&["serve", "--name", "bad name/with slash"])
        .bad_input("is not a host name");
}
