import { render, waitFor } from "@testing-library/react";
import { DatePicker, Select } from "antd";
import dayjs from "dayjs";
import { describe, expect, it } from "vitest";
import { keepClearButtonsOutOfTabOrder } from "./clearButtons";

describe("clear buttons", () => {
  it("are not tab stops and carry the UI language's label, also when they appear later", async () => {
    const stop = keepClearButtonsOutOfTabOrder(document.body, "清除");
    const { rerender } = render(<DatePicker picker="month" value={dayjs("2016-07-01")} allowClear />);
    await waitFor(() => expect(document.querySelector(".ant-picker-clear")).not.toBeNull());
    await waitFor(() => expect(document.querySelector(".ant-picker-clear")!.getAttribute("tabindex")).toBe("-1"));
    expect(document.querySelector(".ant-picker-clear")!.getAttribute("aria-label")).toBe("清除");
    rerender(
      <div>
        <DatePicker picker="month" value={dayjs("2016-07-01")} allowClear />
        <Select allowClear value="a" options={[{ value: "a", label: "A" }]} />
      </div>,
    );
    await waitFor(() => {
      const all = [...document.querySelectorAll(".ant-picker-clear, .ant-select-clear")];
      expect(all.length).toBe(2);
      for (const el of all) expect(el.getAttribute("tabindex")).toBe("-1");
    });
    stop();
  });
});
