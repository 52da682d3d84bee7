import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { StrictMode, useEffect } from "react";
// antd's styles as one static file (zero-runtime mode below): no style is computed and injected while
// the first screen renders.
import "antd/dist/antd.css";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { I18nProvider, useI18n } from "./i18n/I18n";
import { keepClearButtonsOutOfTabOrder } from "./shell/clearButtons";
import "./styles.css";

function Localized() {
  const { lang, t } = useI18n();
  useEffect(() => {
    dayjs.locale(lang === "zh" ? "zh-cn" : "en");
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  }, [lang]);
  useEffect(() => keepClearButtonsOutOfTabOrder(document.body, t("common.clear")), [t]);
  return (
    <ConfigProvider
      locale={lang === "zh" ? zhCN : enUS}
      button={{ autoInsertSpace: false }}
      theme={{ zeroRuntime: true, token: { colorPrimary: "#15803d", borderRadius: 6 } }}
    >
      <AntApp>
        <App />
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <I18nProvider>
      <Localized />
    </I18nProvider>
  </StrictMode>,
);
