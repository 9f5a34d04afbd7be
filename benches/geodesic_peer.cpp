// The geodesic peer of benches/geodesic.sh: GeographicLib's C++ Geodesic::Inverse on WGS84,
// in process, over the same 1,000,000 pseudo-random pairs as benches/geodesic.rs (the same
// xorshift64* generator and seed), five runs, median. Build: g++ -O2 ... -lGeographicLib
#include <GeographicLib/Geodesic.hpp>
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <vector>

struct Rng {
  uint64_t s;
  double next() {
    s ^= s >> 12;
    s ^= s << 25;
    s ^= s >> 27;
    return double((s * 0x2545F4914F6CDD1DULL) >> 11) / double(1ULL << 53);
  }
};

int main() {
  Rng rng{0x9E3779B97F4A7C15ULL};
  const int n = 1000000;
  std::vector<double> v;
  v.reserve(4 * n);
  for (int i = 0; i < n; ++i) {
    for (int k = 0; k < 2; ++k) {
      double lon = rng.next() * 360.0 - 180.0;
      double lat = rng.next() * 180.0 - 90.0;
      v.push_back(lat);
      v.push_back(lon);
    }
  }
  const GeographicLib::Geodesic& g = GeographicLib::Geodesic::WGS84();
  std::vector<double> rates;
  for (int r = 0; r < 5; ++r) {
    auto t = std::chrono::steady_clock::now();
    double sum = 0;
    for (int i = 0; i < n; ++i) {
      double s12;
      g.Inverse(v[4 * i], v[4 * i + 1], v[4 * i + 2], v[4 * i + 3], s12);
      sum += s12;
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
    rates.push_back(n / secs);
    if (sum < 0) std::printf("%f\n", sum);
  }
  std::sort(rates.begin(), rates.end());
  std::printf("GeographicLib C++ Inverse, %d random pairs x 5 runs, one thread: median %.0f pairs/s (min %.0f, max %.0f)\n",
              n, rates[2], rates[0], rates[4]);
}
