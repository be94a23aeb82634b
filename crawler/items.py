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


class PageVisit(scrapy.Item):
    """A feed, sitemap or listing page was read: its validators and links, for the next run."""

    url = scrapy.Field()  # canonical URL
    source = scrapy.Field()
    kind = scrapy.Field()  # feed, sitemap, listing, redirect, empty
    etag = scrapy.Field()
    last_modified = scrapy.Field()
    links = scrapy.Field()  # list of [url, callback name, date hint, title hint]
