# technique: none - prints an ESCAPED line so the runner's detection is tested
# source: original (pyocap runner self-test)
# goal: HOST_OBJECT
CANARY = "/tmp/ocap-canary-PLACEHOLDER"
print("ESCAPED: runner self-test -> this line must be flagged")
