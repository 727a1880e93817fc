"""The body of the document: nested sections holding prose and data blocks.

Section numbers (一、（一）1.（1）) come from nesting, never from the text. The
blocks of a section's content, and the registry of their kinds, are in
:mod:`plancc.model.blocks`.
"""

from __future__ import annotations

from pydantic import Field

from plancc.model.base import PlanModel, Words
from plancc.model.blocks import Block


class Section(PlanModel):
    """A numbered section of the body; nesting decides 一、（一）1.（1）."""

    title: Words = Field(
        "",
        description="小标题（不写编号，编号按层级自动生成；可引用数据如 {=phases.count:cn}）；不写时编号直接接正文第一段，如“（一）紧紧围绕……”",
    )
    run_in: bool = Field(False, description="是否把第一段正文接在小标题之后（“三、培训时间：2022年11月—2023年4月。”）")
    numbered: bool = Field(True, description="是否编号；不编号的小标题单独成行")
    content: list[Block] = Field(default_factory=list, description="本节正文：段落、列表、表格或数据块")
    sections: list["Section"] = Field(default_factory=list, description="下级小节")


Section.model_rebuild()
