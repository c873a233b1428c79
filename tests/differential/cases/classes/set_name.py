# __set_name__ on descriptors: auto-named fields, validation, and order of calls
class Field:
    order = []
    def __set_name__(self, owner, name):
        self.owner = owner.__name__
        self.name = name
        self.private = "_" + name
        Field.order.append(name)
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private)
    def __set__(self, obj, value):
        if value < 0:
            raise ValueError(f"{self.name} must be >= 0, got {value}")
        setattr(obj, self.private, value)
class Item:
    price = Field()
    qty = Field()
    def __init__(self, price, qty):
        self.price = price
        self.qty = qty
    @property
    def total(self):
        return self.price * self.qty
it = Item(3, 4)
print(it.total, it._price, it._qty)
print(Field.order)
print(Item.price.name, Item.price.owner, Item.qty.private)
try:
    it.qty = -1
except ValueError as e:
    print(type(e).__name__, e)
f = Field()
class Later:
    pass
Later.late = f
print(hasattr(f, "name"))
f.__set_name__(Later, "late")
print(f.name, f.owner)
