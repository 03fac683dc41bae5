// Stylesheets are imported for their side effect; Vite bundles them into a file (the CSP allows 'self').
declare module '*.css';
