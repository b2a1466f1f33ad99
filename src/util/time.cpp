#include "util/time.hpp"

#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace perfwatch {
namespace {

// Reads exactly `width` digits at `pos`, advancing it.
std::optional<int> read_digits(std::string_view s, size_t& pos, size_t width) {
  if (pos + width > s.size()) return std::nullopt;
  int value = 0;
  for (size_t i = 0; i < width; ++i) {
    char c = s[pos + i];
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  pos += width;
  return value;
}

bool expect(std::string_view s, size_t& pos, char c) {
  if (pos < s.size() && s[pos] == c) {
    ++pos;
    return true;
  }
  return false;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return std::int64_t{era} * 146097 + doe - 719468;
}

int days_in_month(int y, int m) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : days[m - 1];
}

// Parses "Z", "+hh:mm", "+hhmm" or "-hh" into seconds east of UTC.
std::optional<int> parse_offset(std::string_view s, size_t& pos) {
  if (pos == s.size() || expect(s, pos, 'Z') || expect(s, pos, 'z')) return 0;
  const char sign = s[pos];
  if (sign != '+' && sign != '-') return std::nullopt;
  ++pos;
  auto hh = read_digits(s, pos, 2);
  if (!hh) return std::nullopt;
  int mm = 0;
  if (pos < s.size()) {
    expect(s, pos, ':');
    auto m = read_digits(s, pos, 2);
    if (!m) return std::nullopt;
    mm = *m;
  }
  const int seconds = (*hh * 60 + mm) * 60;
  return sign == '+' ? seconds : -seconds;
}

}  // namespace

std::optional<UnixTime> parse_iso8601(std::string_view s) {
  size_t pos = 0;
  auto y = read_digits(s, pos, 4);
  if (!y || !expect(s, pos, '-')) return std::nullopt;
  auto mo = read_digits(s, pos, 2);
  if (!mo || !expect(s, pos, '-')) return std::nullopt;
  auto d = read_digits(s, pos, 2);
  if (!d || *mo < 1 || *mo > 12 || *d < 1 || *d > days_in_month(*y, *mo)) return std::nullopt;
  int hh = 0, mi = 0, ss = 0;
  if (pos < s.size() && (s[pos] == 'T' || s[pos] == 't' || s[pos] == ' ')) {
    ++pos;
    auto h = read_digits(s, pos, 2);
    if (!h || !expect(s, pos, ':')) return std::nullopt;
    auto m = read_digits(s, pos, 2);
    if (!m) return std::nullopt;
    hh = *h;
    mi = *m;
    if (expect(s, pos, ':')) {
      auto sec = read_digits(s, pos, 2);
      if (!sec) return std::nullopt;
      ss = *sec;
      if (expect(s, pos, '.') || expect(s, pos, ',')) {
        const size_t start = pos;
        while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) ++pos;
        if (pos == start) return std::nullopt;  // fraction ignored: whole seconds
      }
    }
    if (hh > 23 || mi > 59 || ss > 60) return std::nullopt;
  }
  auto offset = parse_offset(s, pos);
  if (!offset || pos != s.size()) return std::nullopt;
  return days_from_civil(*y, *mo, *d) * 86400 + hh * 3600 + mi * 60 + ss - *offset;
}

namespace {

std::string format_utc(UnixTime t, const char* format) {
  const std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, format, &tm);
  return buf;
}

}  // namespace

std::string format_iso8601(UnixTime t) { return format_utc(t, "%Y-%m-%dT%H:%M:%SZ"); }

std::string format_short_time(UnixTime t) { return format_utc(t, "%Y-%m-%d %H:%M"); }

UnixTime now_unix() {
  using namespace std::chrono;
  return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace perfwatch
