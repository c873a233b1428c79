"""An ERTP-style escrow: an untrusted contract, run in a sandbox, swaps
CPython-side money of two currencies between two parties.

The contract never sees a mint or a balance it could write: it can only move
money the way ERTP does. A purse's `withdraw(n)` gives a *payment* (an opaque
token to the contract); `deposit(payment)` empties a payment into a purse. Each party
puts up a payment purse for the contract (it may withdraw from that one) and
gives it deposit-only facets of its own purses (`allow=["deposit"]`): it can
pay a party, never take from one, and a facet is not a payment. Fuel makes a
run deterministic and bounded: a contract that loops forever ends with
`FuelExhausted`, the same way on every run.

Run:  python python/examples/escrow.py   (with the package installed)
"""

import pyocap


class Mint:
    """The issuer of one currency: only CPython holds it."""

    def __init__(self, name):
        self.name = name

    def make_purse(self, balance=0):
        return Purse(self, balance)


class Payment:
    """Money in transit: whoever holds a payment may deposit it, once."""

    def __init__(self, mint, amount):
        self._mint = mint
        self._amount = amount


class Purse:
    def __init__(self, mint, balance):
        self._mint = mint
        self._balance = balance

    @property
    def brand(self):
        return self._mint.name

    def balance(self):
        return self._balance

    def withdraw(self, amount):
        """A payment of `amount` taken from this purse."""
        if not isinstance(amount, int) or amount < 0 or amount > self._balance:
            raise ValueError("insufficient funds")
        self._balance -= amount
        return Payment(self._mint, amount)

    def deposit(self, payment):
        """Empties `payment` (of this currency) into this purse."""
        # What the contract hands back reaches us as a capability (an opaque
        # token for a payment): recognising our own object is explicit.
        if isinstance(payment, pyocap.Capability):
            try:
                payment = pyocap.unwrap(payment)
            except TypeError:
                raise TypeError("not a payment") from None
        if not isinstance(payment, Payment):
            raise TypeError("not a payment")
        if payment._mint is not self._mint:
            raise ValueError("not a payment of this currency")
        amount, payment._amount = payment._amount, 0
        self._balance += amount
        return amount


CONTRACT = '''
def swap(a_pays, a_wants, a_gets, a_refund, b_pays, b_wants, b_gets, b_refund):
    """Each side's payment purse, what it wants, where its winnings and its
    change go; pay both or neither."""
    if a_pays.brand == b_pays.brand:
        raise ValueError("nothing to swap")
    if a_pays.balance() >= b_wants and b_pays.balance() >= a_wants:
        b_gets.deposit(a_pays.withdraw(b_wants))
        a_gets.deposit(b_pays.withdraw(a_wants))
        outcome = "swapped"
    else:
        outcome = "refunded"
    # Whatever is left goes back to whoever paid it.
    a_refund.deposit(a_pays.withdraw(a_pays.balance()))
    b_refund.deposit(b_pays.withdraw(b_pays.balance()))
    return outcome
'''

CHEATER = '''
def swap(a_pays, a_wants, a_gets, a_refund, b_pays, b_wants, b_gets, b_refund):
    stolen = []
    for attempt in (
        lambda: a_gets.balance(),                # a deposit facet has no balance
        lambda: a_pays._balance,                 # private state
        lambda: setattr(a_pays, "balance", 10**9),
        lambda: a_gets.deposit(b_refund),        # a facet is not a payment
        lambda: a_gets.withdraw(1),              # nor can a facet withdraw
    ):
        try:
            stolen.append(attempt())
        except Exception as e:
            stolen.append(type(e).__name__)
    return stolen
'''


def run(contract_source, alice, bob, fuel=100_000):
    # Each party's stake, in a purse of its own the contract may withdraw from.
    alice_pays = alice["usd"]._mint.make_purse()
    alice_pays.deposit(alice["usd"].withdraw(10))
    bob_pays = bob["eur"]._mint.make_purse()
    bob_pays.deposit(bob["eur"].withdraw(9))
    with pyocap.Sandbox(fuel=fuel) as sandbox:
        sandbox.exec(contract_source)
        sandbox.grant("a_pays", alice_pays, allow=["balance", "withdraw", "brand"])
        sandbox.grant("b_pays", bob_pays, allow=["balance", "withdraw", "brand"])
        # Deposit-only facets of the parties' own purses: the contract can pay
        # them, never take from them.
        sandbox.grant("a_gets", alice["eur"], allow=["deposit"])
        sandbox.grant("a_refund", alice["usd"], allow=["deposit"])
        sandbox.grant("b_gets", bob["usd"], allow=["deposit"])
        sandbox.grant("b_refund", bob["eur"], allow=["deposit"])
        outcome = sandbox.eval(
            "swap(a_pays, 9, a_gets, a_refund, b_pays, 10, b_gets, b_refund)"
        )
        return outcome, sandbox.fuel


def main():
    dollars, euros = Mint("USD"), Mint("EUR")
    alice = {"usd": dollars.make_purse(100), "eur": euros.make_purse(0)}
    bob = {"usd": dollars.make_purse(0), "eur": euros.make_purse(50)}

    def totals():
        return (alice["usd"].balance() + bob["usd"].balance(),
                alice["eur"].balance() + bob["eur"].balance())

    outcome, fuel = run(CONTRACT, alice, bob)
    print("honest contract:", outcome, "fuel used:", fuel[0])
    print("  alice:", alice["usd"].balance(), "USD,", alice["eur"].balance(), "EUR")
    print("  bob:  ", bob["usd"].balance(), "USD,", bob["eur"].balance(), "EUR")
    assert (alice["usd"].balance(), alice["eur"].balance()) == (90, 9)
    assert (bob["usd"].balance(), bob["eur"].balance()) == (10, 41)
    assert totals() == (100, 50)

    before = (alice["usd"].balance(), bob["eur"].balance())
    outcome, _ = run(CHEATER, alice, bob)
    print("cheating contract got:", outcome)
    assert outcome == ["AttributeError"] * 3 + ["TypeError", "AttributeError"], outcome
    # The cheater moved nothing between the parties: only the payments it
    # was handed (and never paid out) are still escrowed.
    assert (alice["usd"].balance(), bob["eur"].balance()) == (before[0] - 10, before[1] - 9)

    try:
        run("def swap(*a):\n    while True: pass", alice, bob, fuel=5_000)
        raise AssertionError("the looping contract was not stopped")
    except pyocap.FuelExhausted as e:
        print("looping contract stopped:", e.type_name)
    print("money in the parties' purses (USD, EUR):", totals())


if __name__ == "__main__":
    main()
