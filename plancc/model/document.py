"""The document's frame: title block, 文号, basis documents, 落款, attachments."""

from typing import Optional, Union

from pydantic import Field

from plancc.model.base import PlanModel, Text, Words, zh
from plancc.model.blocks import Block
from plancc.model.dates import PartialDate
from plancc.model.outline import Body


class BasisDocument(PlanModel):
    """A document the plan is based on; rendered as 《标题》（文号）."""

    model_config = zh("依据文件", "制定方案所依据的文件，渲染为《标题》（文号）。")

    title: Text = Field(description="依据文件的标题（不含书名号《》，渲染时自动加上）", examples=["中小学教师培训课程指导标准"])
    number: Optional[Text] = Field(None, description="依据文件的文号，如 霍教职〔2024〕9号", examples=["霍教职〔2024〕9号"])
    short: Optional[Text] = Field(None, description="简称：渲染为“（以下简称《简称》）”", examples=["意见"])


class Attachment(PlanModel):
    """An attachment referred to by the plan (附件2 …)."""

    model_config = zh("附件", "本文提到的附件（附件2……）：编号、名称，写了正文就在落款之后另页印出。")

    label: Text = Field(description="附件编号，如 附件2", examples=["附件2"])
    title: Text = Field(description="附件名称（不含书名号）", examples=["参训学员信息表"])
    content: list[Block] = Field(
        default_factory=list,
        description="附件正文（段落、列表、表格或数据块）：写了就在落款和成文日期之后另起一页印出附件（GB/T 9704 7.3.7）",
    )
    sections: Body = Field(default_factory=list, description="附件的小节（编号从“一、”起）")


class Preamble(PlanModel):
    """The opening paragraph: 根据《…》、《…》{after_basis}{text}."""

    model_config = zh("导语", "开头一段：根据《……》、《……》{依据之后的文字}{导语正文}。")

    lead: Words = Field("根据", description="依据文件之前的引导词，默认“根据”")
    after_basis: Words = Field("，", description="依据文件列表之后、正文之前的文字，如“等文件精神，”")
    text: Text = Field(description="导语正文（可用 **加粗**，可引用数据如 {=hours.required}）")


class Document(PlanModel):
    """公文的版头、标题与版记信息。"""

    model_config = zh("公文要素", "公文的版头、标题与版记信息。")

    title: Union[Text, list[Text]] = Field(
        description="标题；写成列表时每项为一行（长标题建议手动分行，否则自动按长度分行）",
        examples=[["宾川县2022年中小学幼儿园教师继续教育", "全员培训实施方案"]],
    )
    subtitle: Optional[Text] = Field(None, description="标题下的一行，如编制单位“安徽开放大学”")
    masthead: Optional[Text] = Field(
        None, title="发文机关标志",
        description="版头的发文机关标志，如“某县教育体育局文件”：印在标题之上，写了文号（number）时文号紧接其下（GB/T 9704 7.2.3、7.2.4）",
    )
    attachment_label: Optional[Text] = Field(None, description="作为附件印发时左上角的附件标识，如“附件1”", examples=["附件1"])
    number: Optional[Text] = Field(None, description="本文件文号，如 宾教体〔2022〕15号")
    addressee: Optional[Text] = Field(None, description="主送机关，如“中心校本部”（渲染时自动加全角冒号）")
    basis: list[BasisDocument] = Field(default_factory=list, description="制定本方案所依据的文件")
    preamble: Union[Text, Preamble, None] = Field(None, description="导语：写成文字，或写成 lead/after_basis/text 三部分")
    issuer: Optional[Text] = Field(None, description="落款：发文机关或单位名称")
    date: Optional[PartialDate] = Field(None, description="成文日期，如 2024-11-11，渲染为 2024年11月11日")
    attachments: list[Attachment] = Field(default_factory=list, description="附件：随文附件列表（正文中的“附件2”等引用据此核对）")
    attachment_note: bool = Field(True, title="附件说明", description="是否在正文之后印“附件：1.……”附件说明；本文自身是另一文件的附件、其附件另行列出时写 false")

    @property
    def title_lines(self) -> list[str]:
        return list(self.title) if isinstance(self.title, list) else [self.title]

    @property
    def title_text(self) -> str:
        return "".join(self.title_lines)
