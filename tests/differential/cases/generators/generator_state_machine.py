# generators as state machines: tokenizer, round-robin scheduler, infinite cycles, command-driven state
def tokenizer(text):
    num = ""
    for ch in text + " ":
        if ch.isdigit():
            num += ch; continue
        if num:
            yield ("NUM", int(num))
            num = ""
        if ch in "+-*/()":
            yield ("OP", ch)
        elif not ch.isspace():
            yield ("ERR", ch)
print(list(tokenizer("12 + 3*(40-5) ? 7")))
def task(name, n):
    for i in range(n):
        yield f"{name}{i}"
def scheduler(tasks):
    tasks = list(tasks)
    while tasks:
        t = tasks.pop(0)
        try:
            yield next(t)
            tasks.append(t)
        except StopIteration:
            pass
print(list(scheduler([task("a", 3), task("b", 1), task("c", 2)])))
def traffic_light():
    while True:
        yield "green"; yield "yellow"; yield "red"
light = traffic_light()
print([next(light) for _ in range(7)])
def counter():
    count = 0
    while True:
        cmd = yield count
        if cmd == "inc": count += 1
        elif cmd == "reset": count = 0
g = counter(); next(g)
print([g.send(c) for c in ["inc", "inc", "noop", "reset", "inc"]])
