"""``python -m plancc`` runs the command line."""

from plancc.cli.main import main

if __name__ == "__main__":  # pragma: no cover
    main()
