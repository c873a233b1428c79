"""pyocap stand-in for `locale`, seen only by the standard library's own code in
a sandbox: the C locale, always."""

CHAR_MAX = 127
LC_CTYPE = 0
LC_NUMERIC = 1
LC_TIME = 2
LC_COLLATE = 3
LC_MONETARY = 4
LC_MESSAGES = 5
LC_ALL = 6


def localeconv():
    return {
        "decimal_point": ".",
        "thousands_sep": "",
        "grouping": [],
        "int_curr_symbol": "",
        "currency_symbol": "",
        "mon_decimal_point": "",
        "mon_thousands_sep": "",
        "mon_grouping": [],
        "positive_sign": "",
        "negative_sign": "",
        "int_frac_digits": CHAR_MAX,
        "frac_digits": CHAR_MAX,
        "p_cs_precedes": CHAR_MAX,
        "p_sep_by_space": CHAR_MAX,
        "n_cs_precedes": CHAR_MAX,
        "n_sep_by_space": CHAR_MAX,
        "p_sign_posn": CHAR_MAX,
        "n_sign_posn": CHAR_MAX,
    }


def getpreferredencoding(do_setlocale=True):
    return "utf-8"


def getlocale(category=LC_CTYPE):
    return (None, None)


def setlocale(category, locale=None):
    if locale not in (None, "", "C", "POSIX"):
        raise Error("unsupported locale setting")
    return "C"


class Error(Exception):
    pass
