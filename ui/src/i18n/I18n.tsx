import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { api } from "../api/ipc";
import { catalogs, format, type Lang, type MessageKey } from "./catalog";

export type T = (key: MessageKey, params?: Record<string, string | number>) => string;

interface I18nValue {
  lang: Lang;
  setLang: (l: Lang) => void;
  t: T;
}

const LANG_KEY = "zhicheng.lang";

export function makeT(lang: Lang): T {
  return (key, params) => format(catalogs[lang][key], params);
}

/** The language the user chose last time (Chinese until they choose). */
export function initialLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === "en" ? "en" : "zh";
  } catch {
    return "zh";
  }
}

const I18nContext = createContext<I18nValue>({ lang: "zh", setLang: () => {}, t: makeT("zh") });

export function I18nProvider({ children, lang: forced }: { children: ReactNode; lang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(forced ?? initialLang());
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    try {
      localStorage.setItem(LANG_KEY, l);
    } catch {
      /* storage unavailable: the choice lasts for this session */
    }
  }, []);
  useEffect(() => {
    // The shell words its error messages in this language; without the shell (tests, a browser) the
    // call fails and the messages stay Chinese.
    api.setLanguage(lang).catch(() => {});
  }, [lang]);
  const value = useMemo(() => ({ lang, setLang, t: makeT(lang) }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  return useContext(I18nContext);
}
