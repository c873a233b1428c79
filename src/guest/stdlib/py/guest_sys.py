"""pyocap: the guest's `sys`, when the host grants one (Policy::sys). Plain
data the host set (`argv`, `platform`) and the interpreter's constants; the
runtime sets `_write` (the guest's own output) before this runs. No
`modules`, `path`, frames, hooks or tracing."""


class TextOutput:
    """A text stream onto the sandbox's output (what `print` writes)."""

    __slots__ = ()
    encoding = "utf-8"
    errors = "strict"

    def write(self, text):
        return _write(text)

    def writelines(self, lines):
        for line in lines:
            _write(line)

    def flush(self):
        pass

    def isatty(self):
        return False

    def writable(self):
        return True

    def readable(self):
        return False


stdout = TextOutput()
stderr = TextOutput()
del TextOutput


def exit(status=None):
    """Raises SystemExit(status): the end of the guest's run, which the host
    sees as the exception (the command line exits with `status`)."""
    raise SystemExit(status)
