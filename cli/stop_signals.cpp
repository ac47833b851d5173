#include "cli/stop_signals.hpp"

#include <csignal>

namespace ilv::cli {

namespace {

std::atomic<bool> requested{false};
volatile std::sig_atomic_t received = 0;

static_assert(std::atomic<bool>::is_always_lock_free, "the handler needs a lock-free flag");

extern "C" void on_stop_signal(int sig) {
    received = sig;
    requested.store(true);
}

} // namespace

void install_stop_signals() {
    struct sigaction action = {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    // A second signal is not caught: it ends the process. (The flag is an unsigned constant.)
    action.sa_flags = static_cast<int>(SA_RESETHAND);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

const std::atomic<bool>& stop_requested() {
    return requested;
}

std::string stop_signal_name() {
    const int sig = received;
    return sig == SIGINT ? "SIGINT" : sig == SIGTERM ? "SIGTERM" : "";
}

} // namespace ilv::cli
