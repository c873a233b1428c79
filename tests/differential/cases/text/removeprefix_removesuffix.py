# Checks str.removeprefix and removesuffix versus strip with character sets
print("TestCase".removeprefix("Test"), "TestCase".removeprefix("Case"), "TestCase".removesuffix("Case"))
print("".removeprefix(""), "abc".removeprefix(""), "abc".removesuffix(""), "abc".removeprefix("abc"))
print("aaab".removeprefix("a"), "aaab".lstrip("a"), "file.txt.txt".removesuffix(".txt"), "file.txt".rstrip(".txt"))
print("ÜberStraße".removeprefix("Über").removesuffix("ße"), "abc".removeprefix("ABC"))
names = ["test_alpha", "test_beta", "gamma_test", "test_"]
print([n.removeprefix("test_") for n in names])
try:
    "abc".removeprefix(("a", "b"))
except TypeError as e:
    print(type(e).__name__, e)
try:
    "abc".removesuffix(None)
except TypeError as e:
    print(type(e).__name__, e)
