"""An ERTP-style escrow: an untrusted contract, run in a sandbox, swaps
CPython-side purses of two currencies between two parties.

The contract never sees a mint, a balance it could write, or anything but the
purses and deposit facets it is given: it can only move money by calling
them, so it cannot forge any. Each party keeps its own purse; the contract
gets an exclusive *payment* purse for each side (what the party put up) and
a deposit-only facet of each party's purse (`allow=["deposit"]`), so it can
pay a party but never withdraw from one. Fuel makes the run deterministic and
bounded: a contract that loops forever ends with `FuelExhausted`, the same
way on every run.

Run:  python python/examples/escrow.py   (with the package installed)
"""

import pyocap


class Mint:
    """The issuer of one currency: only CPython holds it."""

    def __init__(self, name):
        self.name = name

    def make_purse(self, balance=0):
        return Purse(self, balance)


class Purse:
    def __init__(self, mint, balance):
        self._mint = mint
        self._balance = balance

    @property
    def brand(self):
        return self._mint.name

    def balance(self):
        return self._balance

    def deposit(self, amount, src):
        """Moves `amount` from purse `src` of the same mint into this one."""
        # A purse the contract holds through a narrow grant reaches us as a
        # capability: recognising our own object is an explicit amplification.
        if isinstance(src, pyocap.Capability):
            try:
                src = pyocap.unwrap(src)
            except TypeError:
                raise TypeError("not a purse") from None
        if not isinstance(src, Purse):
            raise TypeError("not a purse")
        if src._mint is not self._mint:
            raise ValueError("wrong currency")
        if not isinstance(amount, int) or amount < 0 or amount > src._balance:
            raise ValueError("insufficient funds")
        src._balance -= amount
        self._balance += amount
        return amount


CONTRACT = '''
def swap(a_pays, a_wants, a_gets, a_refund, b_pays, b_wants, b_gets, b_refund):
    """Each side's payment purse, what it wants, where its winnings and its
    change go; pay both or neither."""
    if a_pays.brand == b_pays.brand:
        raise ValueError("nothing to swap")
    if a_pays.balance() >= b_wants and b_pays.balance() >= a_wants:
        b_gets.deposit(b_wants, a_pays)
        a_gets.deposit(a_wants, b_pays)
        outcome = "swapped"
    else:
        outcome = "refunded"
    # Whatever is left goes back to whoever paid it.
    a_refund.deposit(a_pays.balance(), a_pays)
    b_refund.deposit(b_pays.balance(), b_pays)
    return outcome
'''

CHEATER = '''
def swap(a_pays, a_wants, a_deposit, a_refund, b_pays, b_wants, b_gets, b_refund):
    stolen = []
    for attempt in (
        lambda: a_deposit.balance(),             # the deposit facet has no balance
        lambda: a_pays._balance,                 # private state
        lambda: setattr(a_pays, "balance", 10**9),
        lambda: a_deposit.deposit(10**9, a_deposit),  # the purse itself refuses
    ):
        try:
            stolen.append(attempt())
        except Exception as e:
            stolen.append(type(e).__name__)
    return stolen
'''


def run(contract_source, alice, bob, dollars, euros, fuel=100_000):
    alice_pays = dollars.make_purse()
    alice_pays.deposit(10, alice["usd"])
    bob_pays = euros.make_purse()
    bob_pays.deposit(9, bob["eur"])
    with pyocap.Sandbox(fuel=fuel) as sandbox:
        sandbox.exec(contract_source)
        sandbox.grant("a_pays", alice_pays, allow=["balance", "deposit", "brand"])
        sandbox.grant("b_pays", bob_pays, allow=["balance", "deposit", "brand"])
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

    outcome, fuel = run(CONTRACT, alice, bob, dollars, euros)
    print("honest contract:", outcome, "fuel used:", fuel[0])
    print("  alice:", alice["usd"].balance(), "USD,", alice["eur"].balance(), "EUR")
    print("  bob:  ", bob["usd"].balance(), "USD,", bob["eur"].balance(), "EUR")
    assert (alice["usd"].balance(), alice["eur"].balance()) == (90, 9)
    assert (bob["usd"].balance(), bob["eur"].balance()) == (10, 41)
    total = (alice["usd"].balance() + bob["usd"].balance(), alice["eur"].balance() + bob["eur"].balance())

    outcome, _ = run(CHEATER, alice, bob, dollars, euros)
    print("cheating contract got:", outcome)
    assert outcome == ["AttributeError", "AttributeError", "AttributeError", "ValueError"], outcome

    try:
        run("def swap(*a):\n    while True: pass", alice, bob, dollars, euros, fuel=5_000)
        raise AssertionError("the looping contract was not stopped")
    except pyocap.FuelExhausted as e:
        print("looping contract stopped:", e.type_name)
    # The payments the cheater and the looping contract held stay escrowed
    # (CPython still holds those purses); no money was made or lost.
    print("USD in the parties' purses:", alice["usd"].balance() + bob["usd"].balance())
    assert alice["usd"].balance() + bob["usd"].balance() <= total[0]
    assert alice["eur"].balance() + bob["eur"].balance() <= total[1]


if __name__ == "__main__":
    main()
