# inputs a review found hurting the sandbox: each ends in an ordinary exception, as in CPython
import datetime, re
from collections import deque
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__)
t('second precision', lambda: format('éé', '.2.1'))
t('type before precision', lambda: format('xylophone', 's.3'))
t('huge deque repeat', lambda: len(deque([1, 2], maxlen=2**61) * 2**62))
t('far timestamp', lambda: datetime.datetime.fromtimestamp(1e19, datetime.timezone.utc))
t('bytearray center', lambda: len(bytearray(b'a').center(10**12)))
t('bytearray zfill', lambda: len(bytearray(b'1').zfill(10**12)))
t('sub bytes count -1', lambda: re.sub('a', 'b', b'aaa', count=-1))
def bad_group():
    try:
        re.sub('a', '\\9', 'aaa', count=-1)
    except re.error:
        return 'refused'
t('sub bad group count -1', bad_group)
t('reversed after reinsert', lambda: (lambda d: (d.pop('a'), d.__setitem__('a', 3), list(reversed(d)), list(reversed(d.items())))[2:])({'a': 1, 'b': 2}))
t('pow keyword', lambda: (2.0).__pow__(3, mod=None))
