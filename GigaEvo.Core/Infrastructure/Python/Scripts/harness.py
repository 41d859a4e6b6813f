"""GigaEvo evaluation harness: runs one job in an isolated child process.

Used two ways: ``python3 harness.py REQUEST.json`` (a fresh interpreter per job) and from
``forkserver.py`` (a warm interpreter forks, then calls ``run_child``). Either way the child:
becomes its own process group leader (so the host can kill everything it started), applies
resource limits, moves into its workspace, replaces its environment, redirects stdout/stderr to
bounded files, forbids writes outside the workspace, runs the job, and writes ``result.json``.
"""
import ast
import importlib.util
import builtins
import io
import json
import os
import pickle
import resource
import sys
import traceback

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
_ALLOWED_DEVICES = ("/dev/null", "/dev/shm", "/dev/urandom", "/dev/random")


class _BoundedWriter(io.TextIOBase):
    """Keeps the first ``limit`` characters and counts (but drops) the rest."""

    def __init__(self, stream, limit):
        self._stream = stream
        self._limit = limit
        self._written = 0
        self.dropped = 0

    def writable(self):
        return True

    def write(self, text):
        room = self._limit - self._written
        if room > 0:
            part = text[:room]
            self._stream.write(part)
            self._written += len(part)
        self.dropped += max(0, len(text) - max(room, 0))
        return len(text)

    def flush(self):
        self._stream.flush()


def _install_write_guard(workspace):
    root = os.path.realpath(workspace)

    def inside(path):
        if isinstance(path, int):
            return True  # an already-open descriptor
        try:
            real = os.path.realpath(os.fsdecode(path))
        except (TypeError, ValueError):
            return False
        return real == root or real.startswith(root + os.sep) or real.startswith(_ALLOWED_DEVICES)

    def deny(path):
        raise PermissionError(f"sandbox: writing outside the workspace is not allowed: {os.fsdecode(path)}")

    def hook(event, args):
        if event == "open":
            path, mode, flags = args
            if path is None:
                return
            writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
                isinstance(flags, int) and flags & _WRITE_FLAGS)
            if writing and not inside(path):
                deny(path)
        elif event in ("os.remove", "os.rmdir", "os.mkdir", "os.chmod", "os.chown", "os.truncate",
                       "os.utime", "shutil.rmtree", "os.listxattr", "os.setxattr", "os.removexattr"):
            if args and not inside(args[0]):
                deny(args[0])
        elif event in ("os.rename", "os.link", "os.symlink"):
            for path in args[:2]:
                if not inside(path):
                    deny(path)

    sys.addaudithook(hook)


def _apply_limits(limits):
    mem = limits.get("memory_bytes")
    if mem:
        resource.setrlimit(resource.RLIMIT_AS, (mem, mem))
    fsize = limits.get("file_bytes")
    if fsize:
        resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
    cpu = limits.get("cpu_seconds")
    if cpu:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _load_module(path, name):
    import importlib.util
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _load_pickle(path):
    with open(path, "rb") as fh:
        return pickle.load(fh)


def _dump_pickle(path, value):
    with open(path, "wb") as fh:
        pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)


def _summary(value, limit=300):
    try:
        text = repr(value)
    except Exception as exc:  # a repr that fails must not fail the run
        text = f"<unrepresentable {type(value).__name__}: {exc}>"
    return text if len(text) <= limit else text[:limit] + "..."


def _analyze(path):
    with open(path, encoding="utf-8") as fh:
        source = fh.read()
    try:
        tree = ast.parse(source, filename=os.path.basename(path))
    except SyntaxError as exc:
        return {"syntax_error": {"line": exc.lineno, "offset": exc.offset, "message": exc.msg}}
    functions = {}
    imports = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            functions[node.name] = len(node.args.posonlyargs) + len(node.args.args)
    branches = loops = calls = max_depth = 0
    stack = [(tree, 0)]
    nodes = 0
    while stack:
        node, depth = stack.pop()
        nodes += 1
        max_depth = max(max_depth, depth)
        if isinstance(node, (ast.If, ast.IfExp, ast.Try, ast.BoolOp, ast.Match if hasattr(ast, "Match") else ast.If)):
            branches += 1
        elif isinstance(node, (ast.For, ast.While, ast.comprehension)):
            loops += 1
        elif isinstance(node, ast.Call):
            calls += 1
        elif isinstance(node, ast.Import):
            imports.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            imports.add(node.module.split(".")[0])
        for child in ast.iter_child_nodes(node):
            stack.append((child, depth + 1))
    lines = sum(1 for line in source.splitlines() if line.strip() and not line.strip().startswith("#"))
    return {
        "functions": functions,
        "imports": sorted(imports),
        "complexity": {"ast_nodes": nodes, "branches": branches, "loops": loops, "calls": calls,
                       "max_depth": max_depth, "lines": lines},
    }


_MAX_ANALYZE_BYTES = 2_000_000


def analyze_inline(req):
    """Parses in the calling process (nothing is executed); used by the fork server for analyze jobs."""
    try:
        if os.path.getsize(req["script"]) > _MAX_ANALYZE_BYTES:
            return {"ok": False, "error": f"program is larger than {_MAX_ANALYZE_BYTES} bytes"}
        return {"ok": True, "value": _analyze(req["script"])}
    except (RecursionError, MemoryError):
        return {"ok": False, "error": "program is too deeply nested to parse"}
    except Exception as exc:  # an unreadable file must not take the server down
        return {"ok": False, "error": f"{type(exc).__name__}: {exc}"}


def _execute(req):
    kind = req["kind"]
    if kind == "analyze":
        return _analyze(req["script"])
    context = _load_pickle(req["context"]) if req.get("context") else None
    if kind == "context":
        module = _load_module(req["script"], "context")
        value = getattr(module, req.get("function") or "build_context")()
        _dump_pickle(req["output"], value)
        return {"summary": _summary(value)}
    if kind == "run":
        module = _load_module(req["script"], "program")
        value = module.entrypoint(context) if req.get("pass_context") else module.entrypoint()
        _dump_pickle(req["output"], value)
        return {"summary": _summary(value)}
    if kind == "validate":
        if req.get("program"):
            _load_module(req["program"], "program")
        module = _load_module(req["script"], "validate")
        output = _load_pickle(req["input"])
        metrics = module.validate(context, output) if req.get("pass_context") else module.validate(output)
        if not isinstance(metrics, dict):
            raise TypeError(f"validate() must return a dict of metrics, got {type(metrics).__name__}")
        clean, non_finite = {}, {}
        for key, value in metrics.items():
            try:
                number = float(value)
            except (TypeError, ValueError):
                raise TypeError(f"metric '{key}' is not a number: {_summary(value, 80)}") from None
            # JSON has no NaN/Infinity: send those by name so the host can apply sentinels.
            if number != number or number in (float("inf"), float("-inf")):
                non_finite[str(key)] = repr(number)
            else:
                clean[str(key)] = number
        return {"metrics": clean, "non_finite": non_finite}
    raise ValueError(f"unknown job kind {kind!r}")


def _write_result(workspace, payload):
    tmp = os.path.join(workspace, "result.json.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(payload, fh, allow_nan=False)
    os.replace(tmp, os.path.join(workspace, "result.json"))


def run_child(req):
    """Runs in the child process; never returns (exits with 0, or 2 when the job raised)."""
    code = 0
    try:
        os.setsid()
    except OSError:
        pass  # already a group leader (fresh-interpreter mode started by setsid)
    workspace = req["workspace"]
    os.chdir(workspace)
    os.environ.clear()
    os.environ.update(req.get("env") or {})
    out = open(os.path.join(workspace, "stdout.txt"), "w", encoding="utf-8", errors="replace")
    err = open(os.path.join(workspace, "stderr.txt"), "w", encoding="utf-8", errors="replace")
    os.dup2(out.fileno(), 1)
    os.dup2(err.fileno(), 2)
    limit = int(req.get("capture_chars") or 65536)
    sys.stdout = _BoundedWriter(io.TextIOWrapper(os.fdopen(1, "wb", closefd=False), encoding="utf-8", errors="replace", write_through=True), limit)
    sys.stderr = _BoundedWriter(io.TextIOWrapper(os.fdopen(2, "wb", closefd=False), encoding="utf-8", errors="replace", write_through=True), limit)
    for path in reversed(req.get("sys_path") or []):
        sys.path.insert(0, path)
    _apply_limits(req.get("limits") or {})
    _install_write_guard(workspace)
    try:
        value = _execute(req)
        payload = {"ok": True, "value": value}
    except SystemExit as exc:
        code = 3
        payload = {"ok": False, "error": f"program called sys.exit({exc.code!r})", "traceback": traceback.format_exc()}
    except MemoryError:
        code = 2
        payload = {"ok": False, "error": "out of memory (MemoryError: the memory limit was reached)", "traceback": traceback.format_exc()}
    except BaseException as exc:  # report every failure of user code, whatever it raises
        code = 2
        payload = {"ok": False, "error": f"{type(exc).__name__}: {exc}"[:2000], "traceback": traceback.format_exc()[-8000:]}
    for stream in (sys.stdout, sys.stderr):
        if stream.dropped:
            payload.setdefault("dropped", {})["stdout" if stream is sys.stdout else "stderr"] = stream.dropped
    try:
        sys.stdout.flush()
        sys.stderr.flush()
        _write_result(workspace, payload)
    except BaseException as exc:
        os.write(2, f"harness: could not write result: {exc}\n".encode())
        os._exit(4)
    os._exit(code)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as fh:
        run_child(json.load(fh))
