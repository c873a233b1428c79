# cleanup of generators abandoned mid-iteration: finally runs when the generator is closed or dropped
def gen_cleanup(tag):
    try:
        yield 1
        yield 2
    finally:
        print("generator finally", tag)
for v in gen_cleanup("loop"):
    print("got", v)
    break
print("after loop")
g = gen_cleanup("explicit")
next(g)
g.close()
print("after close")
def first(it):
    for x in it:
        return x
print(first(gen_cleanup("first")))
print("after first")
g = gen_cleanup("del")
next(g)
del g
print("after del")
