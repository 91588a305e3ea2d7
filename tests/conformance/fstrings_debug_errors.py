# The "=" specifier of f-strings, and malformed f-strings, which are
# SyntaxErrors reported as CPython reports them.

x = 10
name = "gowsgi"
items = [1, 2]

print(f"{x=}")
print(f"{x = }")
print(f"{x=!s}")
print(f"{name=}")
print(f"{name=!s}")
print(f"{x=:>5}")
print(f"{x * 2=}")
print(f"{items[0]=} {len(items)=}")
print(f"{x==10} {x!=10} {x<=10} {x>=10}")
print(f"{x == 10=}")


def check(source):
    try:
        exec(source)
        print("ok:", source)
    except SyntaxError as e:
        print("SyntaxError:", e.args[0])


check("f'{x'")
check("f'}'")
check("f'{}'")
check("f'{  }'")
check("f'{x!z}'")
check("f'{x!}'")
check("f'{x:{y:{z}}}'")
check("f'{(x}'")
check("f'{x)}'")
check("f'{#}'")
check("f'ok {1}'")
check("f'{x!r:>3}'")
check("print(f'{1}' 'a' f'{2}')")
