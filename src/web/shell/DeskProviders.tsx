import { App, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useLanguage } from '../i18n/useLanguage';

/** antd's locale follows the UI language; App gives message/modal/notification through App.useApp(). */
export function DeskProviders({ children }: { children: ReactNode }) {
  const [lang] = useLanguage();
  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#c62828', borderRadius: 4 } }}
    >
      <App style={{ minHeight: '100%' }}>{children}</App>
    </ConfigProvider>
  );
}
