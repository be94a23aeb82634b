"""What the spider hands to the pipelines: one fetched page that may be an article."""
import scrapy


class PageItem(scrapy.Item):
    url = scrapy.Field()  # final URL after redirects
    requested_url = scrapy.Field()  # the first URL asked for
    source = scrapy.Field()  # source name from the sources file
    html = scrapy.Field()  # decoded text (Scrapy: header, BOM, <meta>, detection; or the source's override)
    encoding = scrapy.Field()
    hint_title = scrapy.Field()  # from the feed or sitemap entry that linked here
    hint_date = scrapy.Field()  # raw date string from the feed or sitemap
    etag = scrapy.Field()  # validators and links: kept only if the page turns out not to be an article
    last_modified = scrapy.Field()
    links = scrapy.Field()
    article = scrapy.Field()  # filled by ExtractPipeline: the dict that will be stored

    def __repr__(self) -> str:
        # Scrapy logs an item with every drop ("Dropped: ..."): the whole page, pretty-printed, cost
        # ~80 ms a time and filled the log with untrusted HTML; which page it was is what a reader needs
        return f"<PageItem {self.get('source')} {self.get('url')}>"


class PageVisit(scrapy.Item):
    """A feed, sitemap or listing page was read: its validators and links, for the next run."""

    url = scrapy.Field()  # canonical URL
    source = scrapy.Field()
    kind = scrapy.Field()  # feed, sitemap, listing, redirect, empty
    etag = scrapy.Field()
    last_modified = scrapy.Field()
    links = scrapy.Field()  # list of [url, callback name, date hint, title hint]

    def __repr__(self) -> str:
        return f"<PageVisit {self.get('kind')} {self.get('source')} {self.get('url')} ({len(self.get('links') or [])} links)>"
