"""勘误一览：扫描 docs/ 里每个 `> [!bug] 勘误：…` 框，列出它所在的页面和小节。"""

import re
from pathlib import Path

from pymdownx.slugs import slugify

slug = slugify(case="lower")  # 与 mkdocs.yml 中 toc 的 slugify 相同，锚点才对得上
docs = Path("docs")
heading = re.compile(r"^(#{1,3}) (.+)$")
erratum = re.compile(r"^> \[!bug\] 勘误：(.+)$")

for page in sorted(docs.rglob("*.md")):
    if page.name == "index.md" and page.parent == docs:
        continue  # 首页只做汇总
    title, section, in_code = "", "", False
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.lstrip("> ").startswith("```"):
            in_code = not in_code  # 代码块里的 # 注释不是标题
        elif in_code:
            continue
        elif found := heading.match(line):
            text = found[2].strip()
            if len(found[1]) == 1:
                title = text
            else:
                section = text
        elif found := erratum.match(line):
            # 生成的 Markdown 不经过 MkDocs 的链接改写，所以直接写出网页地址 <页面>/#<锚点>
            link = page.relative_to(docs).with_suffix("").as_posix() + "/"
            anchor = f"#{slug(section, '-')}" if section else ""
            print(f"- [{title} · {section or title}]({link}{anchor})：{found[1]}")
