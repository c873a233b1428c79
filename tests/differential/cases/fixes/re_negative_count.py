# re.sub/subn with a negative count substitute nothing; split with a negative maxsplit splits nothing
import re
print(re.sub('a', 'b', 'aaa', -1), re.subn('a', 'b', 'aaa', count=-5), re.sub(b'a', b'b', b'aaa', -1), re.sub('a', 'b', 'aaa', 1))
print(re.split('a', 'bab', -1), re.compile('a').sub('x', 'aa', -2), re.subn('a', 'b', 'aaa'))
