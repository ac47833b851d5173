#include <iostream>

int main() {
    std::cout << "interleave: not yet wired\n";
    return 4;
}
