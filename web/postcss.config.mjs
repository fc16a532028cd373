// PostCSS for Next.js: Tailwind CSS v4 through its PostCSS plugin (used only by the stylesheets that import it).
export default { plugins: { "@tailwindcss/postcss": {} } };
