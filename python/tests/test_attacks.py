"""The attack corpora through the CPython package: the shared corpus (when it
sits beside the repository, as in CI) and the repository's own payloads, each
in a child process under an address-space cap, a timeout and an output cap,
judged by the corpus's oracle (its README)."""

import os
import pathlib
import secrets
import subprocess
import sys

import pytest

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent.parent
CORPORA = [REPO.parent / "shared" / "attacks" / "payloads", REPO / "tests" / "attacks"]
OWN_SKIPPED = {"oracle"}  # the repository's checks of the oracle itself (they escape on purpose)
TIMEOUT = 60
OUTPUT_CAP = 4 << 20
ADDRESS_SPACE = 8 << 30


def payloads():
    found = []
    for root in CORPORA:
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*.py")):
            if path.parent.name in OWN_SKIPPED:
                continue
            found.append(pytest.param(path, id=f"{root.parent.name}/{path.parent.name}/{path.name}"))
    return found


def limit():
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def flags(path):
    """Runs one payload as the corpus README says; the oracle's flags raised."""
    file_token, env_token, host_token = (secrets.token_hex(16) for _ in range(3))
    secret_file = pathlib.Path("/tmp/ocap-secret.txt")
    secret_file.write_text(file_token)
    runs = 2 if path.parent.name == "cross_sandbox" else 1
    ids = [secrets.token_hex(8) for _ in range(runs)]
    canaries = [pathlib.Path(f"/tmp/ocap-canary-{i}") for i in ids]
    env = dict(os.environ, OCAP_SECRET=env_token)
    try:
        proc = subprocess.run(
            [sys.executable, str(HERE / "attack_child.py"), str(path), host_token, str(runs), *ids],
            capture_output=True,
            timeout=TIMEOUT,
            env=env,
            preexec_fn=limit,
        )
    except subprocess.TimeoutExpired:
        return ["timeout"], ""
    out = proc.stdout + proc.stderr
    text = out.decode("utf-8", "replace")
    raised = []
    if len(out) >= OUTPUT_CAP:
        raised.append("output flood")
    if proc.returncode < 0:
        raised.append(f"signal {-proc.returncode}")
    if "END-OF-HOST-RUN" not in text:
        raised.append(f"incomplete (exit {proc.returncode})")
    if any(c.exists() for c in canaries):
        raised.append("canary")
    for token, what in ((file_token, "file token"), (env_token, "env token"), (host_token, "host secret")):
        if token in text:
            raised.append(what)
    if "ESCAPED:" in text:
        raised.append("ESCAPED")
    for c in canaries:
        c.unlink(missing_ok=True)
    return raised, text


@pytest.mark.parametrize("path", payloads())
def test_payload_is_contained(path):
    raised, text = flags(path)
    assert raised == [], f"{raised}:\n{text[-2000:]}"


def test_the_runner_flags_an_escape():
    raised, _ = flags(REPO / "tests" / "attacks" / "oracle" / "001_reports_escape.py")
    assert raised == ["ESCAPED"]


def test_a_corpus_was_found():
    assert payloads(), "no payloads found"
