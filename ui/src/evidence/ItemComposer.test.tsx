import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { mockWindows } from "@tauri-apps/api/mocks";
import { App as AntApp } from "antd";
import { beforeAll, describe, expect, it } from "vitest";
import type { ComposeReport, EvidenceData, ItemPages, PageRef } from "../evidenceBindings";
import fixture from "../generated/evidence-example.json";
import { I18nProvider } from "../i18n/I18n";
import { mockCommands } from "../test/ipc";
import { ItemComposer } from "./ItemComposer";

const data = fixture as unknown as EvidenceData;

const page = (file: string, title: string, rotate = 0) => ({
  file,
  page: 0,
  rotate,
  source: file,
  title,
  kind: "jpeg" as const,
  of: 1,
  masked: false,
});

function view(pages: PageRef[], names_ok = false): ItemPages {
  const titles: Record<string, string> = { f1: "证书正面", f2: "证书背面" };
  return {
    target: "achievement:a1",
    label: "业绩1：一种工业余热梯级回收装置",
    clause: "三（三）2",
    pages: pages.map((p) => page(p.file, titles[p.file], p.rotate)),
    skipped: [{ file: "f3", title: "验收意见", reason: "OFD 版式文档：请先转为 PDF 再导入" }],
    names: { ok: names_ok, no_name: false, unconfirmed: names_ok ? [] : ["f1"] },
    customised: false,
  };
}

const over: ComposeReport = {
  size: 9_437_184,
  pages: 2,
  budget: 5_242_880,
  within_budget: false,
  pdf_bytes: 0,
  problem: "合成后 9.0 MB，超过上限 5.0 MB；可压缩图片（降低分辨率或质量）后再试",
  skipped: [],
};

beforeAll(() => {
  // jsdom has no object URLs; the thumbnails only need a string.
  URL.createObjectURL = () => "blob:test";
  URL.revokeObjectURL = () => undefined;
});

function setup() {
  const calls: { cmd: string; args: unknown }[] = [];
  let current: PageRef[] = [
    { file: "f1", page: 0, rotate: 0 },
    { file: "f2", page: 0, rotate: 0 },
  ];
  const files = [
    { ...data.files[0], id: "f1", title: "证书正面", links: ["achievement:a1"], name_confirmed: false },
    { ...data.files[0], id: "f2", title: "证书背面", links: ["achievement:a1"], name_confirmed: true },
  ];
  mockWindows("main");
  mockCommands((cmd, args) => {
    calls.push({ cmd, args });
    if (cmd === "evidence_item_pages") return view(current);
    if (cmd === "evidence_set_pages") {
      current = (args as { pages: PageRef[] }).pages;
      return view(current);
    }
    if (cmd === "evidence_read") return new ArrayBuffer(4);
    if (cmd === "evidence_compose") return (args as { fit: boolean }).fit ? { ...over, size: 4_000_000, within_budget: true, problem: null, compress: { dpi: 150, quality: 75 }, uncompressed: 9_437_184 } : over;
    if (cmd === "evidence_name_visible") return data;
    return null;
  });
  render(
    <I18nProvider lang="zh">
      <AntApp>
        <ItemComposer target="achievement:a1" files={files} onClose={() => undefined} onData={() => undefined} />
      </AntApp>
    </I18nProvider>,
  );
  return calls;
}

const lastSet = (calls: { cmd: string; args: unknown }[]) =>
  calls.filter((c) => c.cmd === "evidence_set_pages").at(-1)!.args as { pages: PageRef[]; compress: unknown };

describe("the page editor of an item", () => {
  it("reorders, turns and drops pages, saving each change; undo brings the order back", async () => {
    const calls = setup();
    const pages = await screen.findAllByTestId("ev-page");
    expect(pages.map((p) => within(p).getByText(/证书/).textContent)).toEqual(["证书正面", "证书背面"]);
    fireEvent.click(within(pages[0]).getByLabelText("后移"));
    await waitFor(() => expect(lastSet(calls).pages.map((p) => p.file)).toEqual(["f2", "f1"]));
    await waitFor(() => expect(within(screen.getAllByTestId("ev-page")[0]).getByText("证书背面")).toBeTruthy());

    fireEvent.click(within(screen.getAllByTestId("ev-page")[1]).getByLabelText("顺时针旋转 90°"));
    await waitFor(() => expect(lastSet(calls).pages).toEqual([{ file: "f2", page: 0, rotate: 0 }, { file: "f1", page: 0, rotate: 90 }]));

    fireEvent.click(within(screen.getAllByTestId("ev-page")[0]).getByLabelText("去掉此页"));
    await waitFor(() => expect(lastSet(calls).pages).toEqual([{ file: "f1", page: 0, rotate: 90 }]));

    fireEvent.click(screen.getByText("撤销"));
    await waitFor(() => expect(lastSet(calls).pages.map((p) => p.file)).toEqual(["f2", "f1"]));
  });

  it("says which files cannot go in, and asks for the name check per file", async () => {
    const calls = setup();
    expect((await screen.findByText(/验收意见/)).textContent).toContain("请先转为 PDF");
    const names = screen.getByTestId("ev-names");
    const box = within(names).getByLabelText("“证书正面”中可见本人姓名及排名") as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    await waitFor(() => expect(calls.some((c) => c.cmd === "evidence_name_visible")).toBe(true));
    expect(calls.find((c) => c.cmd === "evidence_name_visible")!.args).toEqual({ id: "f1", visible: true });
  });

  it("over the budget it says by how much and why, and fitting keeps the compression that fitted", async () => {
    const calls = setup();
    fireEvent.click(await screen.findByTestId("ev-compose"));
    const report = await screen.findByTestId("ev-compose-report");
    expect(report.textContent).toContain("9.0 MB，超过上限 5.0 MB");
    expect(report.textContent).toContain("可压缩图片");
    fireEvent.click(screen.getByTestId("ev-compose-fit"));
    await waitFor(() => expect(screen.getByTestId("ev-compose-report").textContent).toContain("在上限 5.0 MB 以内"));
    expect(screen.getByTestId("ev-compose-report").textContent).toContain("原样 9.0 MB → 压缩后 3.8 MB（150 dpi，质量 75）");
    await waitFor(() => expect(lastSet(calls).compress).toEqual({ dpi: 150, quality: 75 }));
  });
});
