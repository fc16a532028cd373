// Next.js configuration: offline-safe builds and privacy-minded headers.
import { fileURLToPath } from "node:url";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The questionnaire evaluator is a workspace package shipped as TypeScript source: the browser and the
  // api run the same code.
  transpilePackages: ["@churchhub/questionnaire"],
  // No image optimizer: nothing to fetch from other origins and no sharp needed at run time.
  images: { unoptimized: true },
  // Lint and type checks run as their own steps; the build must not try to install or fetch anything.
  eslint: { ignoreDuringBuilds: true },
  webpack(config) {
    // Workspace packages import their siblings ESM-style ("./evaluate.js" for evaluate.ts), as tsx and tsc
    // resolve them; webpack needs to be told.
    config.resolve.extensionAlias = { ...config.resolve.extensionAlias, ".js": [".ts", ".tsx", ".js"] };
    // The atoms' baked-in URLs for their icon sprite and avatars point at this site (see the loader).
    config.module.rules.push({
      test: /[\\/]@calcom[\\/]atoms[\\/]dist[\\/][^\\/]+\.js$/,
      use: [{ loader: fileURLToPath(new URL("./atoms-bundle-fixes-loader.cjs", import.meta.url)) }],
    });
    return config;
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          // The page path names the host; do not hand it to Cal.com or anyone else in a Referer.
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
          // Images, fonts and frames from this site only: the atoms' avatars and icon sprite come from here
          // (atoms-bundle-fixes-loader.cjs), and no Cal.com-hosted picture may load.
          // Scripts and connections are not listed: the Cal.com API origin comes from the api per host.
          {
            key: "Content-Security-Policy",
            value:
              "img-src 'self' data: blob:; font-src 'self' data:; frame-src 'none'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
          },
        ],
      },
    ];
  },
};

export default nextConfig;
