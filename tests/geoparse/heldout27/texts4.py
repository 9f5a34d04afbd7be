TEXTS = [
("h34", """Take No Liberty With Life Jackets, Sheriff Warns Boaters

[[OCALA|Ocala, Florida]], [[Fla.|Florida]] — The {{Marion County}} Sheriff’s Office will double its marine patrols on [[Lake Weir]] and the [[Ocklawaha River]] over the holiday weekend after two drownings in [[Marion County|Marion County, Florida]] waters since May.

Sheriff Bill Cooley said neither victim was wearing a life jacket. “A life jacket doesn’t work if it’s sitting under the seat,” he said at a news conference in [[Ocala|Ocala, Florida]].

Deputies will work alongside officers from the {{Florida}} Fish and Wildlife Conservation Commission, checking for safety gear and impaired boaters. Sgt. Tyler Jackson, who supervises the marine unit, said boat traffic has grown as visitors from [[Gainesville|Gainesville, Florida]] and [[Orlando|Orlando, Florida]] discover the county’s springs and rivers.

The lake, about 20 miles southeast of downtown, draws crowds of pontoon boats and jet skis on summer weekends. Free life jackets can be borrowed at boat ramps around the lake and at the sheriff’s substation in [[Belleview|Belleview, Florida]].
"""),

("h35", """[[NASHVILLE|Nashville, Tennessee]], [[Tenn.|Tennessee]] (AP) — The [[Cumberland River]] rose to its highest level in more than a decade in [[Nashville|Nashville, Tennessee]] on Sunday after storms dropped up to 8 inches of rain across middle [[Tennessee]], flooding parts of downtown and forcing dozens of water rescues.

Officials in [[Davidson County|Davidson County, Tennessee]] said at least 60 people were pulled from homes and cars. Water covered the riverfront park across from the stadium where the {{Tennessee}} Titans play, and several streets in the honky-tonk district were closed.

Downstream in [[Clarksville|Clarksville, Tennessee]], near the [[Kentucky]] border, officials opened shelters. South of the city, [[Williamson County|Williamson County, Tennessee]] reported flooding in [[Franklin|Franklin, Tennessee]] and [[Brentwood|Brentwood, Tennessee]].

“We learned a lot in 2010, and it shows today,” Mayor Jackson Reid said, referring to the flood that killed 26 people in the state that year.

The river was expected to crest Monday afternoon. The Army Corps of Engineers said it was holding back water at dams upstream to ease the pressure on the city.
"""),

("h36", """[[SOUTH LAKE TAHOE|South Lake Tahoe, California]], [[Calif.|California]] (AP) — The famously clear water of [[Lake Tahoe]] grew murkier last year, scientists said Thursday, blaming warmer temperatures and tiny particles washed in from roads and burned forests.

Researchers from the University of {{California}}, {{Davis}} said a white disk lowered into the lake stayed visible to an average depth of about 63 feet, down from more than 70 feet the year before.

The lake straddles the line between [[California]] and [[Nevada]] high in the [[Sierra Nevada]]. Its only outlet, the [[Truckee River]], flows northeast through [[Reno|Reno, Nevada]] before ending in a desert lake.

“[[Tahoe|Lake Tahoe]] is not a bathtub. It responds to everything happening around it,” said lead author Priya Desai.

Officials in [[Incline Village|Incline Village, Nevada]], on the north shore, and in [[South Lake Tahoe|South Lake Tahoe, California]] have spent millions on projects to catch runoff before it reaches the lake. The report noted that the 2021 Caldor Fire sent ash into the water for months.
"""),

("h37", """[[BEERSHEBA|Beersheba]], [[Israel]] (Reuters) — [[Israel]] plans to triple the area covered by solar farms in the [[Negev]] desert by 2030, the energy ministry said on Monday, as it tries to cut its reliance on natural gas.

The plan includes battery storage sites near [[Beersheba]] and along the road to [[Eilat]], the country’s southernmost city on the [[Red Sea]].

Researchers at Ben-Gurion University of the {{Negev}} said dust was the biggest challenge. “In the desert, the panels are dirty by lunchtime,” said engineer Dana Avraham.

Environmental groups have raised concerns about desert wildlife and about Bedouin communities, some of whom live in villages the state does not recognise.

The ministry said it was also in talks with [[Jordan]] on linking power grids, an idea that has been discussed for years. Potash works on the [[Dead Sea]] are among the largest industrial users of power in the south. Most of [[Israel]]’s population lives farther north, around [[Tel Aviv]] and [[Jerusalem]].
"""),

("h38", """Prime Minister Ends Island Tour in [[Samoa]]

[[APIA|Apia]], [[Samoa]] — [[Australia]]’s prime minister wrapped up a five-nation tour on Friday in [[Apia]], where he signed an agreement to help upgrade the harbour and a new undersea internet cable.

The tour began a week ago in [[Port Moresby]], the capital of [[Papua New Guinea]], where he discussed policing and security. He then flew to [[Honiara]] in the [[Solomon Islands]], before stops in [[Suva]], [[Fiji]], and [[Nuku’alofa|Nukuʻalofa]], [[Tonga]].

In each capital he pledged money for climate resilience projects, a top concern for leaders of low-lying nations. “These are our neighbours, and we will turn up,” he told reporters on the tarmac in [[Suva]].

Analysts said the trip was meant partly to counter growing Chinese influence in the region.

The prime minister is due back in [[Canberra]] on Saturday, ahead of a parliamentary sitting week. A smaller delegation will continue on to [[Wellington]] for talks with [[New Zealand]] officials on fisheries.
"""),

("h39", """Fifty-One Hours on the {{California}} Zephyr
By Ruth Okafor

Our train left {{Chicago Union Station}} just after 2 p.m., and by dinner we were rolling across the [[Mississippi River]] at [[Burlington|Burlington, Iowa]]. [[Iowa]] turned into [[Nebraska]] while we slept.

Morning brought [[Denver]], a crew change and a fresh coffee. Then the climb: switchbacks into the [[Rocky Mountains]], the six-mile {{Moffat Tunnel}}, and hours beside the [[Colorado River]], rafters waving from the rapids below. We got off for ten minutes at [[Glenwood Springs|Glenwood Springs, Colorado]] to smell the sulfur from the hot springs.

[[Utah]] went by in the dark; [[Salt Lake City]] was a 3 a.m. blur of platform lights. By breakfast we were crossing the [[Nevada]] desert, and after [[Reno|Reno, Nevada]] the train wound up into the [[Sierra Nevada]] and over [[Donner Pass]], still snowy in May.

We pulled into [[Emeryville|Emeryville, California]] only 40 minutes late — a small miracle, the conductor said — and caught the bus across the bay to [[San Francisco]].
"""),

("h40", """Twenty-Four Days on a Box Ship

Posted by Tom Ellery

We slipped out of [[Southampton]] on a grey Tuesday, one of six paying passengers on a 300-metre container ship with a crew of 24. Captain Sydney Marsh, a Welshman with 30 years at sea, warned us the [[Bay of Biscay]] would be rough. It was.

Six days later we passed the [[Strait of Gibraltar]] at dawn, the lights of [[Tangier]] on one side and [[Gibraltar]] on the other, and the [[Mediterranean|Mediterranean Sea]] was calm as a pond all the way to [[Port Said]]. The canal transit to [[Suez]] took a full day; we watched camels and watchtowers slide past the windows.

The [[Red Sea]] was the tense part: armed guards came aboard, and the ship sailed without lights through the [[Gulf of Aden]].

Then came a week of open [[Indian Ocean]], flying fish on deck, and a stop in [[Colombo]], [[Sri Lanka]]. We reached [[Singapore]] on day 24, and the captain shook our hands on the gangway.
"""),

("h41", """[[SPRINGFIELD|Springfield, Illinois]], [[Ill.|Illinois]] — Visitors to Abraham Lincoln’s hometown will find a new exhibit this summer at the presidential museum, featuring letters Lincoln wrote as a young lawyer riding the court circuit across central [[Illinois]].

Curators said several of the letters had never been displayed. One, written in 1850, describes a muddy crossing of the [[Sangamon River]] on horseback.

“People come here to see Lincoln the president. We want them to meet Lincoln the neighbor,” said curator Joan Bexley.

Tourism officials in [[Sangamon County|Sangamon County, Illinois]] expect more than 300,000 visitors this year, many driving down from [[Chicago]] or over from [[St. Louis]].

The exhibit also includes a side trip suggestion: the town of [[Lincoln|Lincoln, Illinois]], about 30 miles northeast of [[Springfield|Springfield, Illinois]], which was named for him in 1853, before he was famous. Legend says he christened the town with watermelon juice.

The exhibit opens June 1. Admission is free for [[Springfield|Springfield, Illinois]] residents.
"""),

("h42", """[[SAVANNAH|Savannah, Georgia]], [[Ga.|Georgia (U.S. state)]] — The {{Georgia}} Ports Authority on Thursday opened two new berths at its container terminal on the [[Savannah River]], saying the expansion will let the port handle the largest container ships now in service.

Cargo volumes have grown by a third in five years as retailers move goods to warehouses in [[Atlanta]] and across the region. Trucks leaving the port now reach distribution centers as far as [[Charlotte|Charlotte, North Carolina]], [[N.C.|North Carolina]]

Savannah Pierce, who heads the {{Savannah}} Area Chamber of Commerce, said the expansion would add about 1,500 jobs. Environmental groups on the [[South Carolina]] side of the river have questioned the effect of further dredging on marshes.

Officials in [[Augusta|Augusta, Georgia]], upstream, have asked for studies on whether deeper channels could push salt water farther inland.

The port is the fourth busiest in the [[U.S.|United States]], behind [[Los Angeles]], [[Long Beach|Long Beach, California]] and [[New York|New York City]]-[[New Jersey]].
"""),

("h43", """Irish Eyes on [[Dublin|Dublin, Ohio]] as Sister City Visits

[[DUBLIN|Dublin, Ohio]], [[Ohio]] — A delegation from [[Dublin]], [[Ireland|Republic of Ireland]], arrived Thursday for a week of meetings and the city’s annual Irish festival, one of the largest in the [[U.S.|United States]]

City Council members will take the visitors on a tour of the new pedestrian bridge over the [[Scioto River]] and the offices of companies that have moved here from [[Columbus|Columbus, Ohio]].

[[Dublin|Dublin, Ohio]] is unusual in that it straddles three counties: [[Franklin|Franklin County, Ohio]], [[Delaware|Delaware County, Ohio]] and [[Union|Union County, Ohio]]. “We joke that we need three maps to plow our streets,” said Councilwoman Erin Shea.

The visiting group includes a deputy lord mayor and business leaders interested in data centers, which have sprung up across central [[Ohio]].

Festival organizers expect 100,000 people over three days. Shuttle buses will run from parking lots near {{Dublin Methodist Hospital}}, and organizers are urging visitors from [[Delaware|Delaware, Ohio]] and other nearby towns to carpool.
"""),

("h44", """Candidates Court Voters on Liberty and Taxes in [[Manchester|Manchester, New Hampshire]]

[[MANCHESTER|Manchester, New Hampshire]], [[N.H.|New Hampshire]] (AP) — With the primary three weeks away, candidates crowded into diners and mill buildings along the [[Merrimack River]] in [[Manchester|Manchester, New Hampshire]] on Saturday, pitching lower taxes and personal freedom in a state whose motto is “Live Free or Die.”

One candidate drew a crowd of about 300 at a brewery, while another held a town hall in [[Nashua|Nashua, New Hampshire]], near the [[Massachusetts]] line. Several planned stops Sunday in [[Concord|Concord, New Hampshire]], the capital.

“People here read everything and they ask hard questions,” said voter Jill Amato, a retired teacher who wore a {{Manchester}} United scarf to one event. “This isn’t [[Iowa]]. We don’t just show up at a caucus.”

Campaigns have spent more than $40 million on ads in the state, much of it on [[Boston]] television stations that reach most [[New Hampshire]] homes. Some candidates also crossed into [[Vermont]] to film ads against the backdrop of the [[Green Mountains]].
"""),
]
