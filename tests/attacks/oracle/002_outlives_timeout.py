# technique: none - runs longer than the runner's timeout (run with a timeout below the sandbox's deadline) so the runner's OVERRUN detection is tested
# source: original (pyocap runner self-test)
# goal: CPU
CANARY = "/tmp/ocap-canary-PLACEHOLDER"
while True:
    pass
