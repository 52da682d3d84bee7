// Due reminders, delivered on whatever page is open: checked at start and every half minute; each is
// shown (desktop notification + a banner here) and recorded in one step, so none repeats and none is
// recorded without being shown.
import { BellOutlined } from "@ant-design/icons";
import { Alert, Space } from "antd";
import { useEffect, useRef, useState } from "react";
import { api } from "../api/ipc";
import { useI18n } from "../i18n/I18n";
import { reminderText } from "./words";

const CHECK_MS = 30_000;

export function ReminderBanners() {
  const { t, lang } = useI18n();
  // The language at the time a reminder is given (the check keeps running across a language switch).
  const words = useRef({ t, lang });
  words.current = { t, lang };
  const [banners, setBanners] = useState<string[]>([]);
  useEffect(() => {
    let alive = true;
    const check = async () => {
      try {
        const o = await api.deadlines();
        if (!o.reminders.length) return;
        const { t, lang } = words.current;
        const given = await api.notifyDue(lang);
        if (alive) setBanners((b) => [...b, ...given.reminders.map((r) => reminderText(r, given.windows, t, lang))]);
      } catch {
        // The 截止日期 page shows what went wrong; a banner has nothing to add.
      }
    };
    void check();
    const id = setInterval(() => void check(), CHECK_MS);
    return () => {
      alive = false;
      clearInterval(id);
    };
  }, []);
  if (banners.length === 0) return null;
  return (
    <Space orientation="vertical" style={{ width: "100%", marginBottom: 12 }} data-testid="reminder-banners">
      {banners.map((b, i) => (
        <Alert
          key={`${i}-${b}`}
          type="warning"
          showIcon
          icon={<BellOutlined />}
          title={b}
          closable
          onClose={() => setBanners((x) => x.filter((_, j) => j !== i))}
        />
      ))}
    </Space>
  );
}
