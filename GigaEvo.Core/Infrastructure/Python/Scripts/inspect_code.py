# Static inspection of Python files for GigaEvo's problem loader; the code is compiled, never executed.
# Usage: python3 -I -S -c "<this script>" FILE...; prints a JSON list (one entry per FILE) on stdout.
import ast
import json
import sys
import warnings

warnings.simplefilter("ignore")


def describe(node):
    args = node.args
    return {
        "name": node.name,
        "line": node.lineno,
        "positional": len(args.posonlyargs) + len(args.args),
        "defaults": len(args.defaults),
        "varargs": args.vararg is not None,
        "required_kwonly": sum(1 for d in args.kw_defaults if d is None),
        "async": isinstance(node, ast.AsyncFunctionDef),
    }


def failure(path, kind, line, offset, message):
    return {
        "file": path,
        "error": {"kind": kind, "line": line, "offset": offset, "message": message},
        "functions": [],
    }


def inspect(path):
    try:
        with open(path, "rb") as f:
            source = f.read()
    except OSError as e:
        return failure(path, type(e).__name__, None, None, e.strerror or str(e))
    try:
        # compile() also reports what the parser accepts but the compiler refuses ('return' outside function...).
        compile(source, path, "exec", dont_inherit=True)
        tree = ast.parse(source, filename=path)
    except SyntaxError as e:
        return failure(path, type(e).__name__, e.lineno, e.offset, e.msg)
    except (ValueError, RecursionError, MemoryError) as e:
        return failure(path, type(e).__name__, None, None, str(e))
    functions = [
        describe(n) for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
    ]
    return {"file": path, "error": None, "functions": functions}


json.dump([inspect(p) for p in sys.argv[1:]], sys.stdout, ensure_ascii=True)
