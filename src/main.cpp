#include <iostream>

#include "cli/app.hpp"

int main(int argc, char** argv) {
  return perfwatch::run_cli(argc, argv, std::cout, std::cerr, perfwatch::settings_from_process());
}
