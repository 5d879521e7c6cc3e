package se.loftesgrafen.harvest;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import se.loftesgrafen.extract.read.DocumentLimits;
import se.loftesgrafen.extract.read.DocumentTooCostlyException;
import se.loftesgrafen.extract.read.HtmlCost;

/**
 * Discovery rules: which links of a page or sitemap may lead to promise pages. A link qualifies when its text or
 * its (decoded) URL says medborgarlöfte/medborgarlöften (polisen.se's listing, its county and municipality pages,
 * and municipal pages all do) and it stays on the site; PDFs linked from a promise page are fetched from anywhere.
 */
final class LinkFinder {
  /** "medborgarlöfte", "-löften", "-löftet", and the URL forms "medborgarlofte", "medborgarl%C3%B6fte". */
  static final Pattern PROMISE = Pattern.compile("medborgarl(ö|o|oe)ft", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern PDF = Pattern.compile("(?i)\\.pdf($|[?#])");
  private static final Pattern META_CHARSET = Pattern.compile("(?i)<meta[^>]+charset=[\"']?([a-z0-9_-]+)");
  private static final Pattern HEADER_CHARSET = Pattern.compile("(?i)charset=\"?([a-z0-9_-]+)");

  record Link(URI url, Task.Purpose purpose) {
  }

  /** Links of an HTML page: candidate promise pages on the same site, and PDFs. */
  record Links(List<URI> pages, List<URI> pdfs) {
    static final Links NONE = new Links(List.of(), List.of());
  }

  private LinkFinder() {}

  static boolean isHtml(Optional<String> contentType, byte[] body) {
    String type = contentType.orElse("").toLowerCase(Locale.ROOT);
    if (type.contains("html")) {
      return true;
    }
    if (!type.isEmpty() && !type.startsWith("text/plain") && !type.startsWith("application/octet-stream")) {
      return false;
    }
    String head = new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    return head.contains("<html") || head.contains("<!doctype html");
  }

  static Links find(byte[] body, Optional<String> contentType, URI base) {
    if (!isHtml(contentType, body)) {
      return Links.NONE;
    }
    try {
      // a page over the tag limit is not parsed for links either: its extraction fails with the reason
      HtmlCost.checkTags(body, DocumentLimits.STANDARD);
    } catch (DocumentTooCostlyException e) {
      return Links.NONE;
    }
    Document doc;
    try {
      doc = Jsoup.parse(new ByteArrayInputStream(body), charset(body, contentType), base.toString());
    } catch (IOException | java.nio.charset.IllegalCharsetNameException | java.nio.charset.UnsupportedCharsetException e) {
      doc = Jsoup.parse(new String(body, StandardCharsets.UTF_8), base.toString());
    }
    Set<URI> pages = new LinkedHashSet<>();
    Set<URI> pdfs = new LinkedHashSet<>();
    for (Element a : doc.select("a[href]")) {
      Optional<URI> target = httpUri(a.absUrl("href"));
      if (target.isEmpty()) {
        continue;
      }
      URI url = target.get();
      if (PDF.matcher(url.getRawPath() == null ? "" : url.getRawPath() + "#").find()) {
        pdfs.add(url);
      } else if (sameSite(base, url) && (looksLikePromise(a.text()) || looksLikePromise(decoded(url)))) {
        pages.add(url);
      }
    }
    pages.remove(base);
    return new Links(List.copyOf(pages), List.copyOf(pdfs));
  }

  /** URLs of a sitemap (or sitemap index) that look like promise pages, and the child sitemaps of an index. */
  static List<Link> sitemap(FetchResult.Fetched f, HarvestProgress progress, String host) {
    List<Link> links = new ArrayList<>();
    try {
      SiteMapParser parser = new SiteMapParser(false);
      AbstractSiteMap map = parser.parseSiteMap(f.contentType().orElse("text/xml"), f.body(), f.finalUrl().toURL());
      if (map instanceof SiteMapIndex index) {
        for (AbstractSiteMap child : index.getSitemaps()) {
          httpUri(child.getUrl().toString()).ifPresent(u -> links.add(new Link(u, Task.Purpose.SITEMAP)));
        }
      } else if (map instanceof SiteMap pagesMap) {
        for (SiteMapURL u : pagesMap.getSiteMapUrls()) {
          httpUri(u.getUrl().toString()).filter(url -> looksLikePromise(decoded(url)))
              .ifPresent(url -> links.add(new Link(url, Task.Purpose.PAGE)));
        }
      }
    } catch (UnknownFormatException | IOException | IllegalArgumentException e) {
      progress.problem(host, f.finalUrl() + ": not a readable sitemap: " + e.getMessage());
    }
    return links;
  }

  static boolean looksLikePromise(String text) {
    return PROMISE.matcher(text).find();
  }

  /** Same host, ignoring a leading "www." (municipal sites answer on both). */
  static boolean sameSite(URI a, URI b) {
    return a.getHost() != null && b.getHost() != null && bare(a.getHost()).equals(bare(b.getHost()));
  }

  private static String bare(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.startsWith("www.") ? h.substring(4) : h;
  }

  private static String decoded(URI url) {
    try {
      return URLDecoder.decode(url.getRawPath() == null ? "" : url.getRawPath(), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return url.toString();
    }
  }

  private static Optional<URI> httpUri(String text) {
    String s = text.trim();
    int hash = s.indexOf('#');
    try {
      URI u = new URI(hash >= 0 ? s.substring(0, hash) : s);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null) {
        return Optional.of(URI.create(u.normalize().toASCIIString()));
      }
    } catch (java.net.URISyntaxException e) {
      // not a link we can follow
    }
    return Optional.empty();
  }

  /**
   * The charset of an HTML body: the header's, else a meta charset, else UTF-8 when the bytes are valid UTF-8,
   * else windows-1252 (the WHATWG default for legacy Swedish pages, a superset of ISO-8859-1).
   */
  static String charset(byte[] body, Optional<String> contentType) {
    Optional<String> header = contentType.map(HEADER_CHARSET::matcher).filter(Matcher::find).map(m -> m.group(1));
    if (header.isPresent()) {
      return header.get();
    }
    Matcher meta = META_CHARSET.matcher(new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1));
    if (meta.find()) {
      return meta.group(1);
    }
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
      return "UTF-8";
    } catch (CharacterCodingException e) {
      return "windows-1252";
    }
  }
}
