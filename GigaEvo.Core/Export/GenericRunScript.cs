namespace GigaEvo.Core.Export;

/// <summary>run.py of a non-ML bundle: builds the context if any, calls entrypoint, validates, prints the metrics.</summary>
internal static class GenericRunScript
{
    // Four quotes delimit the raw string so the Python docstring can use three.
    public const string Text = """"
        #!/usr/bin/env python3
        """Evaluates program.py the way GigaEvo did: entrypoint([context]) then validate([context,] output)."""
        import importlib.util
        import inspect
        import json
        import os
        import sys

        HERE = os.path.dirname(os.path.abspath(__file__))
        sys.path.insert(0, HERE)


        def load(name):
            spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, name + ".py"))
            module = importlib.util.module_from_spec(spec)
            sys.modules[name] = module
            spec.loader.exec_module(module)
            return module


        def main():
            context = load("context").build_context() if os.path.exists(os.path.join(HERE, "context.py")) else None
            program = load("program")
            takes_context = len(inspect.signature(program.entrypoint).parameters) == 1
            output = program.entrypoint(context) if takes_context else program.entrypoint()
            validator = load("validate")
            metrics = validator.validate(context, output) if context is not None else validator.validate(output)
            print(json.dumps({k: float(v) for k, v in metrics.items()}, indent=2))


        if __name__ == "__main__":
            main()
        """";
}
