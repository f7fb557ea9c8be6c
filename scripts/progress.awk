# Turns SwiftPM's "[412/980] Compiling …" lines into a progress report: one line redrawn in place on a
# terminal, a line every tenth of the way otherwise (CI logs); every other line (errors, warnings) passes.
BEGIN { shown = -1 }
/^\[[0-9]+\/[0-9]+\]/ {
    split(substr($1, 2, length($1) - 2), step, "/")
    percent = int(100 * step[1] / step[2])
    if (tty == "1") {
        printf "\r  compiling: %3d%% (%d of %d steps)", percent, step[1], step[2] > "/dev/stderr"
    } else if (int(percent / 10) > shown) {
        shown = int(percent / 10)
        printf "  compiling: %3d%% (%d of %d steps)\n", percent, step[1], step[2] > "/dev/stderr"
    }
    next
}
{ if (tty == "1") printf "\r%60s\r", "" > "/dev/stderr"; print }
