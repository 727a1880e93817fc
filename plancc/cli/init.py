"""``plancc init``: scaffold a plan repository that validates and renders with no edits."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

import click

from plancc import __version__

# target path → scaffold file (package data in plancc/scaffold)
FILES = {
    "plancc.toml": "plancc.toml",
    "plans/example.yaml": "example.yaml",
    ".github/workflows/plancc.yml": "workflow.yml",
    ".pre-commit-config.yaml": "pre-commit-config.yaml",
    ".gitignore": "gitignore",
}
SCHEMA_PATH = "schema/plan.schema.json"


def scaffold() -> dict[str, str]:
    """Every file init writes, by path relative to the new repository."""
    from plancc.schema import schema_json

    root = resources.files("plancc.scaffold")
    out = {target: (root / name).read_text(encoding="utf-8").replace("__VERSION__", __version__) for target, name in FILES.items()}
    out[SCHEMA_PATH] = schema_json()
    return out


@click.command("init")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path), default=Path("."))
@click.option("--force", is_flag=True, help="覆盖已存在的文件。")
def init_cmd(directory, force):
    """在 DIRECTORY（默认当前目录）创建计划仓库：plancc.toml、示例计划、GitHub Actions 工作流、pre-commit 配置和编辑器用的 JSON Schema。

    已存在的文件不会被覆盖（除非加 --force）；创建后即可直接运行 plancc validate 和 plancc render plans/。
    """
    files = scaffold()
    existing = [p for p in files if (directory / p).exists()]
    if existing and not force:
        click.echo("plancc: 以下文件已存在，未做任何改动（加 --force 覆盖）：\n  " + "\n  ".join(existing), err=True)
        sys.exit(2)
    from plancc.emit.atomic import write_all

    # all files or none: a full or read-only disk leaves no half repository
    for target in write_all({directory / rel: text.encode("utf-8") for rel, text in files.items()}):
        click.echo(f"已创建 {target.as_posix()}")
    where = "" if directory == Path(".") else f"cd {directory} && "
    click.echo(f"\n下一步：{where}plancc validate && plancc render plans/")
