import { unstableSetRender } from 'antd-mobile';
import { createRoot, type Root } from 'react-dom/client';

// antd-mobile 5 renders Toast and Dialog through the legacy render; React 19 needs createRoot
// (https://mobile.ant.design/guide/v5-for-19).
type Container = (Element | DocumentFragment) & { __wanggeRoot?: Root };

unstableSetRender((node, container) => {
  const c = container as Container;
  c.__wanggeRoot ??= createRoot(c);
  const root = c.__wanggeRoot;
  root.render(node);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    root.unmount();
    c.__wanggeRoot = undefined;
  };
});
