// The look: a calm navy navigation, white working surfaces on a light grey page, one blue accent.
import type { ThemeConfig } from 'antd';
import type { Language } from '../../src-shared/i18n/languages';
import { fontFamily } from './locale';

export const brand = {
  primary: '#1f5fd1',
  sider: '#0f1e38',
  siderBorder: '#1c2d4d',
  page: '#f3f5f9',
};

export function appTheme(lang: Language): ThemeConfig {
  return {
    token: {
      colorPrimary: brand.primary,
      colorInfo: brand.primary,
      colorBgLayout: brand.page,
      borderRadius: 8,
      fontFamily: fontFamily(lang),
      fontSize: 14,
    },
    components: {
      Layout: { siderBg: brand.sider, headerBg: '#ffffff', headerHeight: 64, headerPadding: '0 24px', triggerBg: brand.siderBorder },
      Menu: {
        darkItemBg: brand.sider,
        darkSubMenuItemBg: brand.sider,
        darkItemSelectedBg: brand.primary,
        itemHeight: 44,
        itemMarginInline: 12,
        itemBorderRadius: 8,
        iconSize: 16,
      },
      Card: { headerFontSize: 16 },
      Table: { headerBg: '#f7f8fb', rowHoverBg: '#f5f8ff' },
    },
  };
}
