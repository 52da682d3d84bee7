import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App as AntApp } from "antd";
import { describe, expect, it, vi } from "vitest";
import example from "../../../examples/applicant.json";
import type { Achievement, Assessment, Finding, RulePack } from "../bindings";
import assessmentFixture from "../generated/assessment-example.json";
import type { Lang } from "../i18n/catalog";
import { I18nProvider } from "../i18n/I18n";
import { AchievementsStep } from "./AchievementsStep";
import { ResultStep } from "./ResultStep";
import rulesJson from "../../../crates/zhicheng-core/data/rules-2023.json";

const assessment = assessmentFixture as unknown as Assessment;
const achievements = example.achievements as unknown as Achievement[];
const rules = rulesJson as unknown as RulePack;

function wrap(lang: Lang, node: React.ReactNode) {
  return render(
    <I18nProvider lang={lang}>
      <AntApp>{node}</AntApp>
    </I18nProvider>,
  );
}

describe("评估结果", () => {
  it("shows the verdict per level, the reasons and the gap (Chinese)", () => {
    wrap("zh", <ResultStep assessment={assessment} achievements={achievements} />);
    expect(screen.getByTestId("result-summary").textContent).toContain("可申报：高级工程师、工程师");
    expect(within(screen.getByTestId("level-professor")).getByText("不符合")).toBeTruthy();
    expect(within(screen.getByTestId("level-senior")).getByText("符合条件")).toBeTruthy();
    expect(screen.getByTestId("gap-professor").textContent).toContain(
      "再需1项主持完成、通过认定或验收的省（部）级以上绿色低碳工程项目（2018年11月及以后）——二（二）1（1）",
    );
    expect(screen.getByText(/不计入 某工业园区分布式光伏及储能改造项目：固定资产投资1800万元，需2500万元以上/)).toBeTruthy();
    expect(screen.getAllByText("评审费 420 元/人（五（六））").length).toBe(2);
    expect(screen.getByText("评审费 240 元/人（五（六））")).toBeTruthy();
  });

  it("puts the levels reached first, folds the others with what each lacks, and says what to do next", () => {
    const onNext = vi.fn<(p: "evidence" | "sheet") => void>();
    wrap("zh", <ResultStep assessment={assessment} achievements={achievements} onNext={onNext} />);
    const order = [...document.querySelectorAll("[data-testid^=level-]")].map((e) => e.getAttribute("data-testid"));
    expect(order).toEqual(["level-senior", "level-intermediate", "level-professor"]);
    const others = screen.getByTestId("result-others");
    const gap = assessment.levels.find((l) => l.level === "professor")!.gap.length;
    expect(others.querySelector(".ant-collapse-header")!.textContent).toBe(`其他级别：正高级工程师（尚缺 ${gap} 项）`);
    expect(others.querySelector(".ant-collapse-item-active")).toBeNull();
    fireEvent.click(within(screen.getByTestId("result-next")).getByText("准备佐证材料"));
    fireEvent.click(within(screen.getByTestId("result-next")).getByText("生成公示表"));
    expect(onNext.mock.calls).toEqual([["evidence"], ["sheet"]]);
  });

  it("says it cannot assess when the route's conditions are not loaded, not that nothing is reached", () => {
    const regular = {
      ...assessment,
      eligible_levels: [],
      levels: [],
      route_missing: { route: "regular", clause: "二（一）", text: "按渝人社发〔2022〕68号", note: "正常申报的条件见渝人社发〔2022〕68号，本应用未载入" },
    } as unknown as Assessment;
    wrap("zh", <ResultStep assessment={regular} achievements={achievements} />);
    expect(screen.getByTestId("result-summary").textContent).toBe("无法评估：此申报方式的条件未载入（见下方说明）");
  });

  it("lists the 预审 findings and jumps to the field at fault", () => {
    const onJump = vi.fn<(field: string) => void>();
    const findings: Finding[] = [
      {
        code: "led_but_not_first",
        title: "某工业园区分布式光伏及储能改造项目",
        rank: 2,
        severity: "warning",
        fields: ["achievements[1].led", "achievements[1].rank"],
        clause: null,
        common_return: true,
      },
    ];
    wrap("zh", <ResultStep assessment={assessment} achievements={achievements} findings={findings} onJump={onJump} />);
    const row = screen.getByTestId("finding-led_but_not_first");
    expect(row.textContent).toContain("个人排名为第2");
    expect(row.textContent).toContain("评审常见退回原因");
    fireEvent.click(within(row).getByRole("button", { name: "去修改" }));
    expect(onJump).toHaveBeenCalledWith("achievements[1].led");
  });

  it("says which rules and which application month it judges by", () => {
    wrap("zh", <ResultStep assessment={assessment} achievements={achievements} />);
    const basis = screen.getByTestId("result-basis").textContent ?? "";
    expect(basis).toContain("渝经信发〔2023〕89号");
    expect(basis).toContain(`申报月份 ${assessment.apply_month}`);
    // Judged today (after 2023-12-01 12:00): the round it judges by is said to be closed.
    expect(screen.getByTestId("result-round").textContent).toBe(
      "按“重庆市工程技术绿色低碳专业首批职称申报评审（2023年度）”的规则评估（该轮已于 2023年12月1日 星期五 12:00 截止）",
    );
  });

  it("says so when 预审 finds nothing", () => {
    wrap("zh", <ResultStep assessment={assessment} achievements={achievements} findings={[]} />);
    expect(screen.getByTestId("prereview").textContent).toContain("未发现前后矛盾之处");
  });

  it("labels the levels in English", () => {
    wrap("en", <ResultStep assessment={assessment} achievements={achievements} />);
    expect(screen.getByTestId("result-summary").textContent).toContain("You may apply for: Senior Engineer, Engineer");
    expect(within(screen.getByTestId("level-senior")).getByText("Eligible")).toBeTruthy();
  });

  it("says 不得申报 for an excluded applicant", () => {
    const excluded: Assessment = {
      ...assessment,
      eligible_levels: [],
      excluded: { code: "retired", reason: "离退休人员不得申报", reason_en: "Retired people may not apply", clause: "一（注）", text: "" },
    };
    wrap("zh", <ResultStep assessment={excluded} achievements={achievements} />);
    expect(screen.getByText("不得申报：离退休人员不得申报（一（注））")).toBeTruthy();
    expect(within(screen.getByTestId("level-senior")).getByText("不得申报")).toBeTruthy();
  });

  it("speaks English in the reasons and gaps of the English interface", () => {
    wrap("en", <ResultStep assessment={assessment} achievements={achievements} />);
    const prof = screen.getByTestId("level-professor");
    const gap = within(prof).getByTestId("gap-professor").textContent ?? "";
    expect(gap).toContain("1 more: “");
    expect(gap).toContain("— clause 二（二）1（1）");
    expect(gap).not.toMatch(/再需|还差|及以后/);
    expect(prof.textContent).toContain("fixed-asset investment 1800 × 10,000 CNY; 2500 × 10,000 CNY or more needed");
  });
});

describe("业绩成果", () => {
  it("asks a patent exactly for its qualifiers and quotes its clauses", async () => {
    wrap("zh", <AchievementsStep rules={rules} achievements={achievements} assessment={assessment} onChange={async () => true} />);
    await act(async () => {
      fireEvent.click(screen.getByTestId("add-achievement"));
    });
    const dialog = await screen.findByRole("dialog");
    // The kind's fields render once the form has its default kind: wait for them (slow under load).
    expect(await within(dialog).findByText("已授权", {}, { timeout: 5000 })).toBeTruthy();
    expect(within(dialog).getByText("与绿色低碳相关")).toBeTruthy();
    expect(within(dialog).getByText("个人排名")).toBeTruthy();
    expect(within(dialog).queryByText("固定资产投资（万元）")).toBeNull();
    await act(async () => {
      fireEvent.click(within(dialog).getByText("相关条款（原文）"));
    });
    expect(await within(dialog).findByText(/二（二）1（5） （5）获得授权发明专利2项以上（个人排名第1）。/)).toBeTruthy();
  });

  it("lists achievements and flags one outside the 5-year window", () => {
    const old = [{ ...achievements[0], id: "old", title: "旧专利", month: "2017-05" }, ...achievements] as Achievement[];
    wrap("zh", <AchievementsStep rules={rules} achievements={old} assessment={assessment} onChange={async () => true} />);
    const row = screen.getByText("旧专利").closest("tr")!;
    expect(within(row).getByText("不在近5年内")).toBeTruthy();
    expect(within(screen.getByText("一种工业余热梯级回收装置").closest("tr")!).queryByText("不在近5年内")).toBeNull();
  });

  it("asks before throwing away a form the user typed into; an untouched one just closes", async () => {
    const onChange = vi.fn(async () => true);
    wrap("zh", <AchievementsStep rules={rules} achievements={achievements} assessment={assessment} onChange={onChange} />);
    fireEvent.click(screen.getByRole("button", { name: /添加业绩成果/ }));
    const cancel = async () =>
      act(async () => {
        fireEvent.click(within(document.querySelector(".ant-modal-footer") as HTMLElement).getByRole("button", { name: /^取\s*消$/ }));
      });
    await cancel();
    expect(screen.queryByText("放弃这项业绩中已填写的内容？")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: /添加业绩成果/ }));
    await waitFor(() => expect(document.querySelector("#ach_title")).not.toBeNull());
    fireEvent.change(document.querySelector("#ach_title")!, { target: { value: "余热回收装置" } });
    await cancel();
    expect((await screen.findAllByText("放弃这项业绩中已填写的内容？")).length).toBeGreaterThan(0);
    await waitFor(() => expect(document.activeElement?.textContent).toBe("继续填写"));
    await act(async () => {
      fireEvent.click(screen.getByText("继续填写"));
    });
    expect((document.querySelector("#ach_title") as HTMLInputElement).value).toBe("余热回收装置");
    expect(onChange).not.toHaveBeenCalled();
  });

  it("asks before deleting and saves the list without it", async () => {
    const onChange = vi.fn(async () => true);
    wrap("zh", <AchievementsStep rules={rules} achievements={achievements} assessment={assessment} onChange={onChange} />);
    await act(async () => {
      fireEvent.click(screen.getByLabelText("删除 工业园区碳排放核算方法研究"));
    });
    expect((await screen.findAllByText("删除“工业园区碳排放核算方法研究”？")).length).toBeGreaterThan(0);
    expect(onChange).not.toHaveBeenCalled();
    // The focus is on 取消: Enter or Space keeps the achievement.
    await waitFor(() => expect(document.activeElement?.textContent?.replace(/\s/g, "")).toBe("取消"));
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: /^确\s*定$/ }));
    });
    await waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    const saved = (onChange.mock.calls[0] as unknown as [Achievement[]])[0];
    expect(saved.map((a) => a.id)).toEqual(["a1", "a2"]);
  });
});
