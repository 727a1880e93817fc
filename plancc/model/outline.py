"""The body of the document: nested sections holding prose and data blocks.

Section numbers (一、（一）1.（1）…) are never typed in the text: a section
takes the form of its ``numbering`` (a real plan may put “1.” directly under
“一、”), else its numbered sibling's before it, else the rung after its
parent's; siblings share one count, which ``number_from`` can set
(plancc.layout.numbering). The blocks of a section's content, and the
registry of their kinds, are in :mod:`plancc.model.blocks`.
"""

from typing import Annotated, Optional

from pydantic import AfterValidator, Field, ValidationInfo, field_validator

from plancc.errors import Worded
from plancc.model.base import PlanModel, Words, zh
from plancc.model.blocks import Block
from plancc.model.numbering import NumberingForm, check_depth


class Section(PlanModel):
    """A numbered section of the body; its numbering form follows the plan, else the ladder 一、（一）1.（1）①."""

    model_config = zh("小节", "正文中编号的一节：编号形式按计划所写，否则按 一、（一）1.（1）① 的层级。")

    title: Words = Field(
        "",
        description="小标题（不写编号，编号自动生成；可引用数据如 {=phases.count:cn}）；不写时编号直接接正文第一段，如“（一）紧紧围绕……”",
    )
    run_in: bool = Field(False, description="是否把第一段正文接在小标题之后（“三、培训时间：2022年11月—2023年4月。”）")
    numbered: bool = Field(True, description="是否编号；不编号的小标题单独成行")
    numbering: Optional[NumberingForm] = Field(
        None,
        description="编号形式，写这种形式的第一个编号：一、 （一） 1. （1） ① A. a.（括号、点写成半角也可以）。"
        "不写时沿用前一个同级小节的形式，第一个小节用上一级的下一层（一、下是（一），1. 下是（1））。"
        "原文跳过层级时照原文写，如“一、”下直接写 numbering: 1.，其下级自动为（1）；跳过 GB/T 9704 的层级会得到警告 PL813",
    )
    number_from: Optional[int] = Field(
        None, ge=1, le=9999,
        description="本节的序号：写 2 则本节编为“（二）”（或“2.”等），其后的同级小节接着编；"
        "用于原文接着前文计数的情形，如在下一个一级标题之后写的“（二）”。不写时同级小节从 1 起依次编号",
    )
    content: list[Block] = Field(default_factory=list, description="本节正文：段落、列表、表格或数据块")
    sections: list["Section"] = Field(default_factory=list, description="下级小节")

    @field_validator("numbering", "number_from")
    @classmethod
    def _numbered(cls, value, info: ValidationInfo):
        """An unnumbered section has no numbering form and no number."""
        if value is not None and info.data.get("numbered") is False:
            raise Worded("value.numbering.unnumbered", key=info.field_name)
        return value


Section.model_rebuild()  # resolves "Section" in its own fields (the docs and diff's wording read them)

Body = Annotated[list[Section], AfterValidator(check_depth)]
"""The sections of a plan's body: none numbered deeper than the ladder goes (plancc.text.ladder)."""
