# The trusted master for `pyocap run --grants examples/grants/host.py examples/grants/guest.py`.
# It runs first, in its own sandbox; GRANTS says what the guest gets.

class Bank:
    """An account the guest may use, but whose secret it must never read."""

    def __init__(self):
        self._secret = "master-only"
        self.total = 100
        self.listeners = []

    def balance(self):
        return self.total

    def deposit(self, amount):
        if not isinstance(amount, int) or amount <= 0:
            raise ValueError("deposit a positive int")
        self.total += amount
        return self.total

    def on_event(self, callback):
        # The guest's callback is a proxy here; calling it runs guest code in the
        # guest's sandbox, while the guest waits for this method.
        self.listeners.append(callback)
        return callback("welcome")


GRANTS = {
    # (object, [names]): exactly these names pass the membrane.
    "bank": (Bank(), ["balance", "deposit", "on_event"]),
    # Plain data is copied.
    "greeting": "hello from the master",
}
