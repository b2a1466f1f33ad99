#include "model/decision.hpp"

namespace perfwatch {

const char* to_string(DecisionKind k) {
  switch (k) {
    case DecisionKind::accept: return "accept";
    case DecisionKind::ignore: return "ignore";
    case DecisionKind::unignore: return "unignore";
    case DecisionKind::invalidate: return "invalidate";
  }
  return "accept";
}

bool parse_decision_kind(const std::string& text, DecisionKind& out) {
  for (DecisionKind k : {DecisionKind::accept, DecisionKind::ignore, DecisionKind::unignore, DecisionKind::invalidate}) {
    if (text == to_string(k)) {
      out = k;
      return true;
    }
  }
  return false;
}

}  // namespace perfwatch
