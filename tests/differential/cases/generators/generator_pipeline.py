# generator pipelines for data processing: parse, filter, window, batch
TEXT = "alpha,3\nbeta,x\ngamma,7\n\ndelta,12\nepsilon,-1"
def lines():
    for line in TEXT.splitlines():
        yield line
def parse(src):
    for line in src:
        if not line.strip():
            continue
        name, _, val = line.partition(",")
        try:
            yield name, int(val)
        except ValueError:
            print("skip", repr(line))
def positive(src):
    return ((n, v) for n, v in src if v > 0)
def batched(src, size):
    batch = []
    for item in src:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
def window(src, n):
    buf = []
    for x in src:
        buf.append(x)
        if len(buf) > n:
            buf.pop(0)
        if len(buf) == n:
            yield tuple(buf)
print(list(batched(positive(parse(lines())), 2)))
print(list(window(range(6), 3)))
print(list(window("ab", 3)))
print(sum(v for _, v in parse(lines())))
