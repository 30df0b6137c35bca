// A leaf segment: nothing below it can call notFound() after the skeleton has streamed (see PageSkeleton).
export { PageSkeleton as default } from "@/components/shell/page-skeleton";
