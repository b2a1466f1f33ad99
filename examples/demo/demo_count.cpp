// A tokenizer for the demo's instruction-count benchmark ("measure":
// "instructions"): it splits 2 MB of generated text into words and counts
// them. The same code does the same instructions on every run, however busy
// the machine is; its wall time does not.
#include <cstdint>
#include <cstdio>
#include <string>

int main() {
  std::string text;
  std::uint64_t state = 88172645463325252ULL;  // xorshift: the same text every run
  while (text.size() < 2 * 1024 * 1024) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    text += state % 7 == 0 ? ' ' : static_cast<char>('a' + state % 26);
  }
  std::size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool letter = c != ' ';
    words += letter && !in_word;
    in_word = letter;
  }
  std::printf("%zu words\n", words);
  return 0;
}
