# An escrow contract (the guest): swaps two parties' assets atomically, or not at all.
#
# Each party gives a purse to pay from and a purse to receive into. The contract
# holds no money of its own and no mint: it can only move what the parties' purses
# allow, between purses of the same currency.

def swap(a_pay, a_receive, a_amount, b_pay, b_receive, b_amount):
    """A pays a_amount from a_pay to B's b_receive; B pays b_amount from b_pay to
    A's a_receive. Returns True if both moved, False if neither did."""
    escrow_a = a_pay.make_purse()
    escrow_b = b_pay.make_purse()
    try:
        escrow_a.deposit(a_amount, a_pay)
    except Exception:
        return False
    try:
        escrow_b.deposit(b_amount, b_pay)
    except Exception:
        a_pay.deposit(a_amount, escrow_a)
        return False
    # Stage each payment in a purse of the receiver's currency: a wrong currency
    # fails here, before any party has been paid.
    try:
        staged_b = b_receive.make_purse()
        staged_b.deposit(a_amount, escrow_a)
    except Exception:
        a_pay.deposit(a_amount, escrow_a)
        b_pay.deposit(b_amount, escrow_b)
        return False
    try:
        staged_a = a_receive.make_purse()
        staged_a.deposit(b_amount, escrow_b)
    except Exception:
        escrow_a.deposit(a_amount, staged_b)
        a_pay.deposit(a_amount, escrow_a)
        b_pay.deposit(b_amount, escrow_b)
        return False
    b_receive.deposit(a_amount, staged_b)
    a_receive.deposit(b_amount, staged_a)
    return True
