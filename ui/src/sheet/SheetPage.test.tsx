import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { mockCommands } from "../test/ipc";
import { App as AntApp } from "antd";
import { describe, expect, it, vi } from "vitest";
import type { Publicity } from "../bindings";
import type { Lang } from "../i18n/catalog";
import { I18nProvider } from "../i18n/I18n";
import fixture from "../generated/sheet-preview-example.json";
import type { MissingField, SheetPreview } from "../sheetBindings";
import { SheetPage } from "./SheetPage";

const preview = fixture as unknown as SheetPreview;
const publicity: Publicity = {
  level: null,
  start: "2023-11-20",
  end: null,
  place: "公司办公楼一楼公告栏及OA办公平台",
  unit_name: "重庆某某环保科技有限公司人力资源部",
  unit_phone: "023-67001234",
  superior_name: "",
  superior_phone: "",
};

function setup(lang: Lang = "zh", revealFails = false) {
  const saved: Publicity[] = [];
  const calls: string[] = [];
  mockCommands((cmd, args) => {
    calls.push(cmd);
    if (cmd === "sheet_reveal" && revealFails) {
      throw { code: "io", message: "Cannot show the file /home/u/ws/exports: permission denied", backup: null, issues: [] };
    }
    if (cmd === "sheet_export") return "/home/u/公示表_李明.pdf";
    if (cmd === "sheet_open") return { path: "/home/u/ws/exports/公示表_李明.pdf", opened: false, problem: "xdg-open: no method available" };
    if (cmd === "profile_load") return { exists: true, migrated_from: null, file: { publicity } };
    if (cmd === "sheet_preview") return preview;
    if (cmd === "sheet_save_publicity") {
      saved.push((args as { publicity: Publicity }).publicity);
      return preview;
    }
    return null;
  });
  const onGoTo = vi.fn<(m: MissingField) => void>();
  const view = render(
    <I18nProvider lang={lang}>
      <AntApp>
        <SheetPage onGoTo={onGoTo} />
      </AntApp>
    </I18nProvider>,
  );
  return { saved, onGoTo, calls, view };
}

describe("公示表 page", () => {
  it("without a PDF viewer, says where the file was saved and offers its folder instead of the launcher's error", async () => {
    const { calls } = setup();
    await screen.findAllByTestId("sheet-page-svg");
    fireEvent.click(screen.getByTestId("sheet-open"));
    const alert = await screen.findByTestId("sheet-no-viewer");
    expect(alert.textContent).toContain("没有找到可打开 PDF 的程序；文件已保存在 /home/u/ws/exports/公示表_李明.pdf");
    expect(alert.textContent).not.toContain("xdg-open");
    fireEvent.click(screen.getByText("打开所在文件夹"));
    await waitFor(() => expect(calls).toContain("sheet_reveal"));
  });

  it("a command that fails says why, in the shell's words, instead of failing silently", async () => {
    setup("en", true);
    await screen.findAllByTestId("sheet-page-svg");
    fireEvent.click(screen.getByTestId("sheet-open"));
    await screen.findByTestId("sheet-no-viewer");
    fireEvent.click(screen.getByText("Show the folder"));
    expect(await screen.findByText(/Cannot show the file \/home\/u\/ws\/exports: permission denied/)).toBeTruthy();
  });

  it("shows the pages the PDF holds, the 5th working day and what is missing", async () => {
    setup();
    const pages = await screen.findAllByTestId("sheet-page-svg");
    expect(pages).toHaveLength(preview.pages.length);
    expect(pages[0].innerHTML).toContain("重庆市职称申报综合情况（公示）表");
    expect(screen.getByTestId("pub-period").textContent).toBe("公示期：2023-11-20 至 2023-11-24（5个工作日）");
    const missing = screen.getByTestId("sheet-missing");
    expect(missing.textContent).toContain("上级主管部门及电话");
    // The empty cell is framed on the preview.
    expect(pages[0].querySelector('[data-field="superior_contact"]')).not.toBeNull();
  });

  it("saves what the unit types after a pause, in one save", async () => {
    const { saved } = setup();
    const input = (await screen.findByTestId("pub-superior_name")) as HTMLInputElement;
    fireEvent.change(input, { target: { value: "重庆市渝北区经济和信息化委员会" } });
    fireEvent.change(screen.getByTestId("pub-superior_phone"), { target: { value: "023-67805678" } });
    await waitFor(() => expect(saved).toHaveLength(1), { timeout: 2000 });
    expect(saved[0].superior_name).toBe("重庆市渝北区经济和信息化委员会");
    expect(saved[0].superior_phone).toBe("023-67805678");
    expect(saved[0].start).toBe("2023-11-20");
  });

  it("leaving the page saves what was typed at once, not after the pause", async () => {
    const { saved, view } = setup();
    const input = (await screen.findByTestId("pub-superior_name")) as HTMLInputElement;
    fireEvent.change(input, { target: { value: "重庆市经济和信息化委员会" } });
    view.unmount();
    await waitFor(() => expect(saved).toHaveLength(1), { timeout: 200 });
    expect(saved[0].superior_name).toBe("重庆市经济和信息化委员会");
  });

  it("export saves the pending edit first, then exports", async () => {
    const { saved, calls } = setup();
    const input = (await screen.findByTestId("pub-place"));
    fireEvent.change(input, { target: { value: "公司公告栏" } });
    fireEvent.click(screen.getByTestId("sheet-export"));
    await waitFor(() => expect(calls).toContain("sheet_export"), { timeout: 300 });
    expect(saved.map((p) => p.place)).toEqual(["公司公告栏"]);
    expect(calls.indexOf("sheet_save_publicity")).toBeLessThan(calls.indexOf("sheet_export"));
  });

  it("a missing publicity field focuses this page's own form", async () => {
    const { onGoTo } = setup();
    await screen.findByTestId("sheet-missing");
    // The fixture misses only publicity fields; those focus this page's form instead.
    fireEvent.click(screen.getByRole("button", { name: "上级主管部门及电话" }));
    expect(onGoTo).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByTestId("pub-superior_name"));
  });

  it("speaks English too", async () => {
    setup("en");
    expect((await screen.findByTestId("pub-period")).textContent).toBe("Publicity: 2023-11-20 to 2023-11-24 (5 working days)");
    expect(screen.getByRole("button", { name: /Export PDF/ })).toBeTruthy();
  });
});
